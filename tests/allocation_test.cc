// What a clean document costs in allocations. The fast path of the engine
// allocates per document, per candidate site and per finding, never per
// line: a clean text twice as long costs next to no more allocations.
// Counted are the library's own allocations (operator new); ICU and
// Hunspell allocate with malloc and are left out.
//
// Its own test executable: it replaces the global operator new.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "tests/test_support.h"

namespace {
std::atomic<size_t> allocations{0};
}  // namespace

void* operator new(size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t size) { return operator new(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;

// Plain news prose of `paragraphs` paragraphs of three lines under a
// headline, every sentence different, nothing for any rule to find.
std::string CleanProse(int paragraphs) {
  static const char* const kPlaces[] = {"harbour", "station", "market", "school", "bridge"};
  static const char* const kVerbs[] = {"approved", "reviewed", "discussed", "postponed"};
  std::string text = "Council meets over the summer works\n\n";
  for (int p = 0; p < paragraphs; ++p) {
    const std::string n = std::to_string(p + 1);
    text += "On day " + n + " the council met near the " + kPlaces[p % 5] + " and " +
            kVerbs[p % 4] + " the plans.\n";
    text += "Officials said " + n + " residents had written to them about the " +
            kPlaces[(p + 2) % 5] + " works.\n";
    text += "A decision on the budget is expected within " + n + " weeks.\n\n";
  }
  return text;
}

// The allocations of cleaning `text` once the engine has seen it (the first
// run fills the per-thread caches: dictionary answers, scanner scratch).
size_t AllocationsToClean(const Engine& engine, const std::string& text) {
  EXPECT_TRUE(CleanOrDie(engine, text).findings.empty());
  const size_t before = allocations.load();
  const Result result = CleanOrDie(engine, text);
  const size_t used = allocations.load() - before;
  EXPECT_TRUE(result.findings.empty());
  return used;
}

TEST(AllocationTest, TwiceTheLinesCostNextToNoMoreAllocations) {
  for (const char* language : {"en", "auto"}) {
    Options options;
    options.language = language;
    const std::unique_ptr<Engine> engine = MakeEngine(options);
    ASSERT_NE(engine, nullptr);
    const std::string shorter = CleanProse(100);
    const std::string longer = CleanProse(200);
    const size_t added_lines = static_cast<size_t>(std::count(longer.begin(), longer.end(), '\n') -
                                                   std::count(shorter.begin(), shorter.end(), '\n'));
    const size_t for_shorter = AllocationsToClean(*engine, shorter);
    const size_t for_longer = AllocationsToClean(*engine, longer);
    // A vector that doubles allocates once more: a handful, not one a line.
    EXPECT_LT(for_longer, for_shorter + added_lines / 20)
        << language << ": " << for_shorter << " allocations for " << shorter.size()
        << " bytes, " << for_longer << " for " << longer.size();
  }
}

}  // namespace
}  // namespace mtclean

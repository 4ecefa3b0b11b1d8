#include "cleaner/match/scanner.h"

#include <hs.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cleaner/document/byte_search.h"
#include "cleaner/document/unicode_text.h"

namespace mtclean::internal {
namespace {

int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,
            unsigned int /*flags*/, void* context) {
  auto* out = static_cast<std::vector<RawMatch>*>(context);
  out->push_back({id, static_cast<size_t>(from), static_cast<size_t>(to)});
  return 0;
}

// FNV-1a: a stable hash of the database's inputs, for the cache file name.
uint64_t Fnv1a(std::string_view data, uint64_t hash = 1469598103934665603ull) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

constexpr char kCachePrefix[] = "patterns-";
constexpr char kCacheSuffix[] = ".hsdb";

// Databases are a few megabytes each (3.5 for the default rules), two per
// set of patterns; every change of the rules or of the rules a configuration
// selects makes a new pair. The cache keeps about nine such pairs.
constexpr uint64_t kCacheBudgetBytes = 64ull << 20;

// Deserializes straight from the mapped file: a database is megabytes, and
// reading it through a stream cost a fifth of the start-up. A loaded file's
// time is set to now, so that pruning keeps what is used.
hs_database_t* LoadCached(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat info;
  void* mapped = MAP_FAILED;
  if (::fstat(fd, &info) == 0 && info.st_size > 0) {
    mapped = ::mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  }
  ::close(fd);
  if (mapped == MAP_FAILED) return nullptr;
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(static_cast<const char*>(mapped),
                              static_cast<size_t>(info.st_size), &db) != HS_SUCCESS) {
    db = nullptr;
  }
  ::munmap(mapped, static_cast<size_t>(info.st_size));
  if (db != nullptr) ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
  return db;
}

// Best effort: a temporary file renamed into place, so that concurrent
// processes never read a half-written database. True when it is stored.
bool StoreCached(const std::string& dir, const std::string& path, const hs_database_t* db) {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return false;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string temp = absl::StrCat(path, ".", ::getpid(), ".tmp");
  {
    std::ofstream out(temp, std::ios::binary);
    out.write(bytes, static_cast<std::streamsize>(length));
    out.close();
    if (!out) {
      std::remove(temp.c_str());
      std::free(bytes);
      return false;
    }
  }
  std::free(bytes);
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

// PatternExpression(), with a phrase's space as one space instead of a run
// of spaces and tabs when `single_space` is set.
std::string Expression(const PatternSpec& spec, bool single_space) {
  if (!spec.literal) return spec.text;
  std::string out;
  out.reserve(spec.text.size() * 2);
  bool in_space = false;
  for (char c : spec.text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t') {
      if (!in_space) out += single_space ? " " : "[ \\t]+";
      in_space = true;
      continue;
    }
    in_space = false;
    if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (c == '\n' || c == '\r') {
      out += c == '\n' ? "\\n" : "\\r";
    } else {
      out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

// True when `text` holds a tab or two spaces in a row: only there can a
// phrase's space stand for more than one space. This runs over every
// document: both searches step sixteen bytes at a time.
bool HasTabOrDoubledSpace(std::string_view text) {
  return text.find('\t') != std::string_view::npos || FindDoubled(text, 0, ' ') < text.size();
}

// Compiles `patterns` (as Expression() writes them with `single_space`)
// into one database, loaded from or kept in `cache_dir` when it is set;
// `*stored` says whether it was newly kept there.
absl::StatusOr<hs_database_t*> CompileDatabase(const std::vector<PatternSpec>& patterns,
                                               bool single_space, const std::string& cache_dir,
                                               bool* stored) {
  *stored = false;
  std::vector<std::string> expressions;
  std::vector<const char*> expression_ptrs;
  std::vector<unsigned int> flags;
  std::vector<unsigned int> ids;
  expressions.reserve(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    expressions.push_back(Expression(patterns[i], single_space));
    unsigned int f = HS_FLAG_UTF8 | HS_FLAG_SOM_LEFTMOST;
    if (patterns[i].caseless) f |= HS_FLAG_CASELESS;
    // Unicode case folding only where the pattern has non-ASCII letters:
    // UCP makes databases slower and larger (classes become UTF-8 automata).
    if (!IsAscii(expressions.back())) f |= HS_FLAG_UCP;
    flags.push_back(f);
    ids.push_back(static_cast<unsigned int>(i));
  }
  for (const std::string& e : expressions) expression_ptrs.push_back(e.c_str());

  hs_database_t* database = nullptr;
  std::string cache_path;
  if (!cache_dir.empty()) {
    // A database is built for this machine's processor: the cache key names
    // it, so that machines sharing a cache folder (or a run under an
    // emulator) each keep their own.
    hs_platform_info_t platform{};
    if (hs_populate_platform(&platform) != HS_SUCCESS) platform = {};
    uint64_t hash = Fnv1a(hs_version());
    hash = Fnv1a(absl::StrCat("tune ", platform.tune, " features ", platform.cpu_features, ";"),
                 hash);
    for (size_t i = 0; i < expressions.size(); ++i) {
      hash = Fnv1a(absl::StrCat(expressions[i].size(), ":", expressions[i], "/", flags[i], ";"),
                   hash);
    }
    cache_path = (std::filesystem::path(cache_dir) /
                  absl::StrCat(kCachePrefix, absl::Hex(hash, absl::kZeroPad16), kCacheSuffix))
                     .string();
    database = LoadCached(cache_path);
  }
  if (database != nullptr) return database;

  hs_compile_error_t* error = nullptr;
  const hs_error_t rc = hs_compile_multi(expression_ptrs.data(), flags.data(), ids.data(),
                                         static_cast<unsigned int>(patterns.size()),
                                         HS_MODE_BLOCK, nullptr, &database, &error);
  if (rc != HS_SUCCESS) {
    std::string message = error != nullptr ? error->message : "unknown error";
    int index = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    return absl::InvalidArgumentError(
        index >= 0 ? absl::StrCat(patterns[index].origin.empty()
                                      ? absl::StrCat("pattern ", index)
                                      : patterns[index].origin,
                                  ": pattern rejected by Hyperscan: ", message)
                   : absl::StrCat("Hyperscan could not compile the patterns: ",
                                  message));
  }
  if (!cache_path.empty()) *stored = StoreCached(cache_dir, cache_path, database);
  return database;
}

}  // namespace

std::string PatternExpression(const PatternSpec& spec) { return Expression(spec, false); }

void PruneCache(const std::string& dir, uint64_t budget_bytes) {
  namespace fs = std::filesystem;
  struct Database {
    fs::file_time_type used;
    uint64_t bytes;
    fs::path path;
  };
  std::error_code ec;
  std::vector<Database> databases;
  const fs::file_time_type hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kCachePrefix, 0) != 0) continue;
    std::error_code entry_ec;
    const fs::file_time_type modified = it->last_write_time(entry_ec);
    if (entry_ec) continue;
    if (absl::EndsWith(name, ".tmp")) {
      if (modified < hour_ago) fs::remove(it->path(), entry_ec);
    } else if (absl::EndsWith(name, kCacheSuffix)) {
      const uint64_t bytes = it->file_size(entry_ec);
      if (!entry_ec) databases.push_back({modified, bytes, it->path()});
    }
  }
  std::sort(databases.begin(), databases.end(),
            [](const Database& a, const Database& b) { return a.used > b.used; });
  uint64_t kept = 0;
  for (const Database& d : databases) {
    kept += d.bytes;
    if (kept > budget_bytes && d.used < hour_ago) fs::remove(d.path, ec);
  }
}

absl::StatusOr<std::unique_ptr<Scanner>> Scanner::Compile(
    const std::vector<PatternSpec>& patterns, const std::string& cache_dir) {
  std::unique_ptr<Scanner> scanner(new Scanner());
  scanner->pattern_count_ = patterns.size();
  if (patterns.empty()) return scanner;

  // Most documents have no tab and no doubled space; for them a phrase's
  // space is one space, which keeps the phrase a literal for Hyperscan:
  // the scan runs more than twice as fast as with `[ \t]+` in every phrase.
  // The two databases are compiled (or loaded) side by side.
  const bool spaced_phrase = std::any_of(patterns.begin(), patterns.end(), [](const PatternSpec& p) {
    return p.literal && p.text.find_first_of(" \t") != std::string::npos;
  });
  bool stored = false;
  bool single_stored = false;
  std::future<absl::StatusOr<hs_database_t*>> single;
  if (spaced_phrase) {
    single = std::async(std::launch::async, [&patterns, &cache_dir, &single_stored] {
      return CompileDatabase(patterns, true, cache_dir, &single_stored);
    });
  }
  absl::StatusOr<hs_database_t*> database = CompileDatabase(patterns, false, cache_dir, &stored);
  if (database.ok()) scanner->database_ = *database;
  if (single.valid()) {
    absl::StatusOr<hs_database_t*> single_database = single.get();
    if (single_database.ok()) scanner->single_space_database_ = *single_database;
    if (database.ok() && !single_database.ok()) return single_database.status();
  }
  if (!database.ok()) return database.status();
  // Once both are in place: a cache that only loaded needs no pruning.
  if (stored || single_stored) PruneCache(cache_dir, kCacheBudgetBytes);
  for (hs_database_t* db : {scanner->database_, scanner->single_space_database_}) {
    if (db != nullptr && hs_alloc_scratch(db, &scanner->prototype_) != HS_SUCCESS) {
      return absl::ResourceExhaustedError("cannot allocate Hyperscan scratch");
    }
  }
  return scanner;
}

Scanner::~Scanner() {
  for (hs_scratch* s : pool_) hs_free_scratch(s);
  if (prototype_ != nullptr) hs_free_scratch(prototype_);
  if (database_ != nullptr) hs_free_database(database_);
  if (single_space_database_ != nullptr) hs_free_database(single_space_database_);
}

hs_scratch* Scanner::AcquireScratch() const {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!pool_.empty()) {
      hs_scratch* s = pool_.back();
      pool_.pop_back();
      return s;
    }
  }
  hs_scratch* clone = nullptr;
  if (hs_clone_scratch(prototype_, &clone) != HS_SUCCESS) return nullptr;
  return clone;
}

void Scanner::ReleaseScratch(hs_scratch* scratch) const {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  pool_.push_back(scratch);
}

absl::Status Scanner::Scan(std::string_view text,
                           std::vector<RawMatch>* out) const {
  if (database_ == nullptr || text.empty()) return absl::OkStatus();
  hs_scratch* scratch = AcquireScratch();
  if (scratch == nullptr) {
    return absl::ResourceExhaustedError("cannot allocate Hyperscan scratch");
  }
  // Hyperscan takes an unsigned int length; scan larger inputs in pieces
  // would split matches, so refuse them instead.
  if (text.size() > 0xFFFFFFFFu) {
    ReleaseScratch(scratch);
    return absl::OutOfRangeError("document larger than 4 GiB");
  }
  const hs_database_t* database =
      single_space_database_ != nullptr && !HasTabOrDoubledSpace(text) ? single_space_database_
                                                                      : database_;
  hs_error_t rc = hs_scan(database, text.data(),
                          static_cast<unsigned int>(text.size()), 0, scratch,
                          OnMatch, out);
  ReleaseScratch(scratch);
  if (rc != HS_SUCCESS) {
    return absl::InternalError(absl::StrCat("Hyperscan scan failed (", rc, ")"));
  }
  return absl::OkStatus();
}

}  // namespace mtclean::internal

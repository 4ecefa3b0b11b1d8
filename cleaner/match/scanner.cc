#include "cleaner/match/scanner.h"

#include <hs.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace mtclean::internal {
namespace {

bool HasNonAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

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

hs_database_t* LoadCached(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string data = std::move(bytes).str();
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(data.data(), data.size(), &db) != HS_SUCCESS) return nullptr;
  return db;
}

// Best effort: a temporary file renamed into place, so that concurrent
// processes never read a half-written database.
void StoreCached(const std::string& dir, const std::string& path, const hs_database_t* db) {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return;
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
      return;
    }
  }
  std::free(bytes);
  if (std::rename(temp.c_str(), path.c_str()) != 0) std::remove(temp.c_str());
}

}  // namespace

std::string PatternExpression(const PatternSpec& spec) {
  if (!spec.literal) return spec.text;
  std::string out;
  out.reserve(spec.text.size() * 2);
  bool in_space = false;
  for (char c : spec.text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t') {
      if (!in_space) out += "[ \\t]+";
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

absl::StatusOr<std::unique_ptr<Scanner>> Scanner::Compile(
    const std::vector<PatternSpec>& patterns, const std::string& cache_dir) {
  std::unique_ptr<Scanner> scanner(new Scanner());
  scanner->pattern_count_ = patterns.size();
  if (patterns.empty()) return scanner;

  std::vector<std::string> expressions;
  std::vector<const char*> expression_ptrs;
  std::vector<unsigned int> flags;
  std::vector<unsigned int> ids;
  expressions.reserve(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    expressions.push_back(PatternExpression(patterns[i]));
    unsigned int f = HS_FLAG_UTF8 | HS_FLAG_SOM_LEFTMOST;
    if (patterns[i].caseless) f |= HS_FLAG_CASELESS;
    // Unicode case folding only where the pattern has non-ASCII letters:
    // UCP makes databases slower and larger (classes become UTF-8 automata).
    if (HasNonAscii(expressions.back())) f |= HS_FLAG_UCP;
    flags.push_back(f);
    ids.push_back(static_cast<unsigned int>(i));
  }
  for (const std::string& e : expressions) expression_ptrs.push_back(e.c_str());

  std::string cache_path;
  if (!cache_dir.empty()) {
    uint64_t hash = Fnv1a(hs_version());
    for (size_t i = 0; i < expressions.size(); ++i) {
      hash = Fnv1a(absl::StrCat(expressions[i].size(), ":", expressions[i], "/", flags[i], ";"),
                   hash);
    }
    cache_path = (std::filesystem::path(cache_dir) / absl::StrCat("patterns-", absl::Hex(hash, absl::kZeroPad16), ".hsdb")).string();
    scanner->database_ = LoadCached(cache_path);
  }

  hs_compile_error_t* error = nullptr;
  hs_error_t rc = HS_SUCCESS;
  if (scanner->database_ == nullptr) {
    rc = hs_compile_multi(
        expression_ptrs.data(), flags.data(), ids.data(),
        static_cast<unsigned int>(patterns.size()), HS_MODE_BLOCK, nullptr,
        &scanner->database_, &error);
    if (rc == HS_SUCCESS && !cache_path.empty()) {
      StoreCached(cache_dir, cache_path, scanner->database_);
    }
  }
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
  if (hs_alloc_scratch(scanner->database_, &scanner->prototype_) != HS_SUCCESS) {
    return absl::ResourceExhaustedError("cannot allocate Hyperscan scratch");
  }
  return scanner;
}

Scanner::~Scanner() {
  for (hs_scratch* s : pool_) hs_free_scratch(s);
  if (prototype_ != nullptr) hs_free_scratch(prototype_);
  if (database_ != nullptr) hs_free_database(database_);
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
  hs_error_t rc = hs_scan(database_, text.data(),
                          static_cast<unsigned int>(text.size()), 0, scratch,
                          OnMatch, out);
  ReleaseScratch(scratch);
  if (rc != HS_SUCCESS) {
    return absl::InternalError(absl::StrCat("Hyperscan scan failed (", rc, ")"));
  }
  return absl::OkStatus();
}

}  // namespace mtclean::internal

#include "cleaner/match/scanner.h"

#include <hs.h>

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
    const std::vector<PatternSpec>& patterns) {
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

  hs_compile_error_t* error = nullptr;
  hs_error_t rc = hs_compile_multi(
      expression_ptrs.data(), flags.data(), ids.data(),
      static_cast<unsigned int>(patterns.size()), HS_MODE_BLOCK, nullptr,
      &scanner->database_, &error);
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

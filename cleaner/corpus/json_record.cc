#include "cleaner/corpus/json_record.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cleaner/document/document.h"
#include "cleaner/document/unicode_text.h"
#include "nlohmann/json.hpp"

namespace mtclean::internal {
namespace {

// Nesting deeper than this is refused rather than risking the stack.
constexpr int kMaxDepth = 512;

// Bytes a string token may hold as they are: all but the quote, the
// backslash and the control characters.
constexpr std::array<bool, 256> PlainStringBytes() {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 256; ++c) plain[c] = c >= 0x20 && c != '"' && c != '\\';
  return plain;
}
constexpr std::array<bool, 256> kPlain = PlainStringBytes();

// The first offset at or after `from` of a byte that is not plain, or
// text.size(): sixteen bytes at a time where SSE2 is there, since every
// record's strings are scanned.
size_t PlainRunEnd(std::string_view text, size_t from) {
  size_t i = from;
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1F);
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // A control character is its own minimum with 0x1F (unsigned).
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(chunk, last_control), chunk);
    const __m128i stop = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)), control);
    const int mask = _mm_movemask_epi8(stop);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < text.size() && kPlain[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

class RecordScanner {
 public:
  RecordScanner(std::string_view text, const std::vector<std::string>& path,
                std::string_view annotation_key)
      : text_(text), path_(path), annotation_key_(annotation_key) {}

  absl::StatusOr<RecordLayout> Run() {
    SkipSpace();
    if (pos_ >= text_.size() || text_[pos_] != '{') return Error("expected a JSON object");
    if (!Object(0, 0)) return status_;
    SkipSpace();
    if (pos_ != text_.size()) return Error("text after the JSON object");
    if (!found_) {
      std::string joined;
      for (const std::string& key : path_) absl::StrAppend(&joined, joined.empty() ? "" : ".", key);
      return absl::NotFoundError(absl::StrCat("no field `", joined, "`"));
    }
    return layout_;
  }

 private:
  absl::Status Error(std::string_view what) {
    status_ = absl::InvalidArgumentError(absl::StrCat("column ", pos_ + 1, ": ", std::string(what)));
    return status_;
  }
  bool Fail(std::string_view what) {
    (void)Error(what);
    return false;
  }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
      ++pos_;
    }
  }

  // A string token at pos_; sets `escaped`.
  bool String(bool* escaped) {
    ++pos_;  // the opening quote
    *escaped = false;
    for (;;) {
      pos_ = PlainRunEnd(text_, pos_);
      if (pos_ >= text_.size()) return Fail("unterminated string");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c != '\\') return Fail("control character in a string");
      *escaped = true;
      if (pos_ + 1 >= text_.size()) return Fail("unterminated string");
      const char e = text_[pos_ + 1];
      if (e == 'u') {
        if (pos_ + 6 > text_.size()) return Fail("incomplete \\u escape");
        for (size_t i = pos_ + 2; i < pos_ + 6; ++i) {
          if (!std::isxdigit(static_cast<unsigned char>(text_[i]))) {
            return Fail("invalid \\u escape");
          }
        }
        pos_ += 6;
      } else if (std::strchr("\"\\/bfnrt", e) != nullptr && e != '\0') {
        pos_ += 2;
      } else {
        return Fail("invalid escape in a string");
      }
    }
  }

  bool Digits() {
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  bool Number() {
    if (text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else if (!Digits()) {
      return Fail("invalid number");
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!Digits()) return Fail("invalid number");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!Digits()) return Fail("invalid number");
    }
    return true;
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return Fail("invalid value");
    pos_ += word.size();
    return true;
  }

  // A value at pos_. `match` is the number of path keys that led here
  // (kNoMatch when the path was left).
  bool Value(int depth, size_t match) {
    if (pos_ >= text_.size()) return Fail("expected a value");
    switch (text_[pos_]) {
      case '{':
        return Object(depth + 1, match);
      case '[':
        return Array(depth + 1);
      case '"': {
        bool escaped = false;
        const size_t begin = pos_;
        if (!String(&escaped)) return false;
        if (match == path_.size()) {
          layout_.field = {begin, pos_};
          layout_.field_escaped = escaped;
          found_ = true;
        }
        return true;
      }
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        if (text_[pos_] == '-' || (text_[pos_] >= '0' && text_[pos_] <= '9')) return Number();
        return Fail("invalid value");
    }
  }

  // Whether the key token [begin, end) (with quotes) reads `key`.
  bool KeyIs(size_t begin, size_t end, bool escaped, std::string_view key) const {
    const std::string_view raw = text_.substr(begin + 1, end - begin - 2);
    if (!escaped) return raw == key;
    absl::StatusOr<std::string> decoded = DecodeString(text_.substr(begin, end - begin), true);
    return decoded.ok() && *decoded == key;
  }

  bool Object(int depth, size_t match) {
    if (depth > kMaxDepth) return Fail("nesting too deep");
    ++pos_;
    SkipSpace();
    bool empty = true;
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
    } else {
      for (;;) {
        SkipSpace();
        if (pos_ >= text_.size() || text_[pos_] != '"') return Fail("expected a key");
        const size_t key_begin = pos_;
        bool key_escaped = false;
        if (!String(&key_escaped)) return false;
        const size_t key_end = pos_;
        SkipSpace();
        if (pos_ >= text_.size() || text_[pos_] != ':') return Fail("expected `:`");
        ++pos_;
        SkipSpace();
        size_t next = kNoMatch;
        if (match != kNoMatch && match < path_.size() &&
            KeyIs(key_begin, key_end, key_escaped, path_[match])) {
          next = match + 1;
        }
        const size_t value_begin = pos_;
        if (next != kNoMatch && next == path_.size() && pos_ < text_.size() && text_[pos_] != '"') {
          status_ = absl::FailedPreconditionError(
              absl::StrCat("column ", pos_ + 1, ": the field is not a string"));
          return false;
        }
        if (!Value(depth, next)) return false;
        if (depth == 0 && !annotation_key_.empty() &&
            KeyIs(key_begin, key_end, key_escaped, annotation_key_)) {
          layout_.annotation = ByteSpan{value_begin, pos_};
        }
        empty = false;
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] == '}') {
          ++pos_;
          break;
        }
        return Fail("expected `,` or `}`");
      }
    }
    if (depth == 0) {
      layout_.object_close = pos_ - 1;
      layout_.object_empty = empty;
    }
    return true;
  }

  bool Array(int depth) {
    if (depth > kMaxDepth) return Fail("nesting too deep");
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      SkipSpace();
      if (!Value(depth, kNoMatch)) return false;
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return Fail("expected `,` or `]`");
    }
  }

  static constexpr size_t kNoMatch = static_cast<size_t>(-1);

  std::string_view text_;
  const std::vector<std::string>& path_;
  std::string_view annotation_key_;
  size_t pos_ = 0;
  bool found_ = false;
  RecordLayout layout_;
  absl::Status status_;
};

}  // namespace

absl::StatusOr<std::vector<std::string>> ParseFieldPath(std::string_view path) {
  std::vector<std::string> keys = absl::StrSplit(absl::string_view(path.data(), path.size()), '.');
  for (const std::string& key : keys) {
    if (key.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("field path `", std::string(path), "` has an empty key"));
    }
  }
  return keys;
}

absl::StatusOr<RecordLayout> ScanRecord(std::string_view record,
                                        const std::vector<std::string>& path,
                                        std::string_view annotation_key) {
  return RecordScanner(record, path, annotation_key).Run();
}

namespace {

// The value of four hex digits (checked by ScanRecord).
uint32_t HexValue(std::string_view hex) {
  uint32_t v = 0;
  for (const char c : hex) {
    v = v * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}

}  // namespace

absl::StatusOr<std::string> DecodeString(std::string_view token, bool escaped) {
  const std::string_view inner = token.substr(1, token.size() - 2);
  std::string value;
  if (!escaped) {
    value.assign(inner);
  } else {
    // Every record's field is decoded, so this is a loop of its own rather
    // than a JSON parser's (nlohmann::json, which the record fuzzer compares
    // it with); ScanRecord has checked the escapes' syntax.
    value.reserve(inner.size());
    size_t i = 0;
    while (i < inner.size()) {
      const size_t slash = inner.find('\\', i);
      value.append(inner.substr(i, std::min(slash, inner.size()) - i));
      if (slash == std::string_view::npos) break;
      const char e = inner[slash + 1];
      i = slash + 2;
      switch (e) {
        case 'b': value.push_back('\b'); continue;
        case 'f': value.push_back('\f'); continue;
        case 'n': value.push_back('\n'); continue;
        case 'r': value.push_back('\r'); continue;
        case 't': value.push_back('\t'); continue;
        case 'u': break;
        default: value.push_back(e); continue;  // " \ /
      }
      uint32_t c = HexValue(inner.substr(i, 4));
      i += 4;
      if (c >= 0xD800 && c <= 0xDFFF) {
        // A high surrogate must be followed by a low one.
        const bool pair = c <= 0xDBFF && i + 6 <= inner.size() && inner[i] == '\\' &&
                          inner[i + 1] == 'u';
        const uint32_t low = pair ? HexValue(inner.substr(i + 2, 4)) : 0;
        if (low < 0xDC00 || low > 0xDFFF) {
          return absl::InvalidArgumentError("invalid string (a lone surrogate)");
        }
        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        i += 6;
      }
      internal::AppendUtf8(static_cast<char32_t>(c), &value);
    }
  }
  // Raw bytes are copied as they are, so their UTF-8 is checked here.
  if (!internal::ValidateUtf8(value).ok()) {
    return absl::InvalidArgumentError("invalid string (invalid UTF-8)");
  }
  return value;
}

std::string EncodeString(std::string_view value, bool ascii) {
  const nlohmann::json j = std::string(value);
  return j.dump(-1, ' ', ascii, nlohmann::json::error_handler_t::replace);
}

bool UsesAsciiEscapes(std::string_view token) {
  bool non_ascii_escape = false;
  for (size_t i = 0; i < token.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(token[i]);
    if (c >= 0x80) return false;
    if (c == '\\' && i + 1 < token.size()) {
      if (token[i + 1] == 'u' && i + 5 < token.size() &&
          std::stoi(std::string(token.substr(i + 2, 4)), nullptr, 16) >= 0x80) {
        non_ascii_escape = true;
      }
      ++i;
    }
  }
  return non_ascii_escape;
}

}  // namespace mtclean::internal

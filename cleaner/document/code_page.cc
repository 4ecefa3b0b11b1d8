#include "cleaner/document/code_page.h"

#include "cleaner/document/unicode_text.h"
#include "unicode/ucnv.h"
#include "unicode/utf8.h"

namespace mtclean::internal {
namespace {

constexpr int kMaxRepairs = 3;
// The longest UTF-8 sequence, in characters of damage.
constexpr int kMaxSequence = 4;

UConverter* OpenStopping(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name, &status);
  if (U_FAILURE(status)) return nullptr;
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  if (U_FAILURE(status)) {
    ucnv_close(converter);
    return nullptr;
  }
  return converter;
}

}  // namespace

SingleByteEncoder::SingleByteEncoder()
    : cp1252_(OpenStopping("windows-1252")), latin1_(OpenStopping("ISO-8859-1")) {}

SingleByteEncoder::~SingleByteEncoder() {
  if (cp1252_ != nullptr) ucnv_close(cp1252_);
  if (latin1_ != nullptr) ucnv_close(latin1_);
}

int SingleByteEncoder::HighByte(char32_t c) const {
  if (c < 0x80 || c > 0xFFFF || !ok()) return -1;
  for (UConverter* converter : {cp1252_, latin1_}) {
    const UChar unit = static_cast<UChar>(c);
    char byte = 0;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetFromUnicode(converter);
    const int32_t n = ucnv_fromUChars(converter, &byte, 1, &unit, 1, &status);
    if (U_SUCCESS(status) && n == 1) {
      const int b = static_cast<unsigned char>(byte);
      return b >= 0x80 ? b : -1;
    }
  }
  return -1;
}

std::optional<std::string> RepairMojibakeOnce(const SingleByteEncoder& encoder,
                                              std::string_view s,
                                              std::vector<std::pair<size_t, size_t>>* decoded) {
  std::string out;
  bool changed = false;
  size_t i = 0;
  while (i < s.size()) {
    // A run of high-byte characters, with each one's span in `s`.
    std::vector<uint8_t> bytes;
    std::vector<std::pair<size_t, size_t>> spans;
    size_t j = i;
    while (j < s.size()) {
      size_t next = j;
      const int b = encoder.HighByte(NextCodePoint(s, next));
      if (b < 0) break;
      bytes.push_back(static_cast<uint8_t>(b));
      spans.emplace_back(j, next);
      j = next;
    }
    if (bytes.empty()) {
      size_t next = i;
      NextCodePoint(s, next);
      out.append(s.substr(i, next - i));
      i = next;
      continue;
    }
    const int32_t n = static_cast<int32_t>(bytes.size());
    int32_t k = 0;
    while (k < n) {
      int32_t after = k;
      UChar32 c;
      U8_NEXT(bytes.data(), after, n, c);
      if (c >= 0x80 && after - k >= 2) {
        AppendUtf8(static_cast<char32_t>(c), &out);
        if (decoded != nullptr) decoded->emplace_back(spans[k].first, spans[after - 1].second);
        changed = true;
        k = after;
      } else {
        out.append(s.substr(spans[k].first, spans[k].second - spans[k].first));
        ++k;
      }
    }
    i = j;
  }
  if (!changed) return std::nullopt;
  return out;
}

std::optional<std::string> RepairMojibake(const SingleByteEncoder& encoder, std::string_view s) {
  std::optional<std::string> repaired;
  for (int round = 0; round < kMaxRepairs; ++round) {
    std::optional<std::string> next =
        RepairMojibakeOnce(encoder, repaired.has_value() ? std::string_view(*repaired) : s);
    if (!next.has_value()) break;
    repaired = std::move(next);
  }
  return repaired;
}

bool InsideMojibake(const SingleByteEncoder& encoder, std::string_view text, size_t begin,
                    size_t end, size_t floor, size_t ceiling) {
  size_t window_begin = begin;
  for (int k = 0; k < kMaxSequence - 1 && window_begin > floor; ++k) {
    size_t i = window_begin;
    if (encoder.HighByte(PreviousCodePoint(text, i)) < 0 || i < floor) break;
    window_begin = i;
  }
  size_t window_end = end;
  for (int k = 0; k < kMaxSequence - 1 && window_end < ceiling; ++k) {
    size_t i = window_end;
    if (encoder.HighByte(NextCodePoint(text, i)) < 0 || i > ceiling) break;
    window_end = i;
  }
  std::vector<std::pair<size_t, size_t>> decoded;
  RepairMojibakeOnce(encoder, text.substr(window_begin, window_end - window_begin), &decoded);
  for (const auto& [b, e] : decoded) {
    if (window_begin + b < end && begin < window_begin + e) return true;
  }
  return false;
}

}  // namespace mtclean::internal

// Mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1, and its
// repair. Every character of such damage is one byte of the original UTF-8;
// encoding the characters back to those bytes (with ICU's converters) and
// decoding the bytes as UTF-8 undoes it.
#ifndef MTCLEAN_DOCUMENT_CODE_PAGE_H_
#define MTCLEAN_DOCUMENT_CODE_PAGE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct UConverter;

namespace mtclean::internal {

// Re-encodes characters to the single byte Windows-1252 gives them, else
// Latin-1 (whose bytes 0x80..0x9F Windows-1252 leaves undefined or maps
// elsewhere). Holds ICU converters, which are not thread-safe: make one per
// thread or per call.
class SingleByteEncoder {
 public:
  SingleByteEncoder();
  ~SingleByteEncoder();
  SingleByteEncoder(const SingleByteEncoder&) = delete;
  SingleByteEncoder& operator=(const SingleByteEncoder&) = delete;

  // False when ICU lacks one of the converters (then HighByte is always -1).
  bool ok() const { return cp1252_ != nullptr && latin1_ != nullptr; }

  // The byte >= 0x80 that `c` encodes to, or -1 (ASCII, or no such byte).
  int HighByte(char32_t c) const;

 private:
  UConverter* cp1252_ = nullptr;
  UConverter* latin1_ = nullptr;
};

// One pass over valid UTF-8 `s`: each maximal run of characters that have a
// high byte is encoded to those bytes, and every valid multi-byte UTF-8
// sequence among them is decoded; other characters stay. Returns nullopt
// when nothing decodes. When `decoded` is given, it receives the byte spans
// of `s` that decoded.
std::optional<std::string> RepairMojibakeOnce(
    const SingleByteEncoder& encoder, std::string_view s,
    std::vector<std::pair<size_t, size_t>>* decoded = nullptr);

// RepairMojibakeOnce repeated while it changes something, at most three
// times (text damaged twice, `Ã¢â‚¬â„¢` for `’`, is found in the wild).
// Returns nullopt when nothing decodes.
std::optional<std::string> RepairMojibake(const SingleByteEncoder& encoder,
                                          std::string_view s);

// True when the character at [begin, end) of `text` is part of mojibake
// that a repair would decode (looking a few characters either side, within
// [floor, ceiling)). Used by rules that must leave such characters to
// text.mojibake (`Ã` + U+00AD is `í`, not a soft hyphen).
bool InsideMojibake(const SingleByteEncoder& encoder, std::string_view text, size_t begin,
                    size_t end, size_t floor, size_t ceiling);

}  // namespace mtclean::internal

#endif  // MTCLEAN_DOCUMENT_CODE_PAGE_H_

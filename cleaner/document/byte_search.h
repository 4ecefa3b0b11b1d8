// Finding the next byte of a small set, or the next doubled byte. The byte
// loops of the rules look at a few bytes (punctuation, quotation marks,
// brackets, two spaces) and step over the text between them; these step
// sixteen bytes at a time where SSE2 is there (every x86-64).
#ifndef MTCLEAN_DOCUMENT_BYTE_SEARCH_H_
#define MTCLEAN_DOCUMENT_BYTE_SEARCH_H_

#include <array>
#include <cstddef>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace mtclean::internal {

class ByteSet {
 public:
  // `bytes`: at most kMaxBytes distinct bytes.
  static constexpr size_t kMaxBytes = 16;
  explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) {
      if (member_[static_cast<unsigned char>(c)] || count_ == kMaxBytes) continue;
      member_[static_cast<unsigned char>(c)] = true;
#ifdef __SSE2__
      splat_[count_] = _mm_set1_epi8(c);
#endif
      ++count_;
    }
  }

  bool Contains(char c) const { return member_[static_cast<unsigned char>(c)]; }

  // The first offset at or after `from` whose byte is in the set, or
  // text.size().
  size_t FindIn(std::string_view text, size_t from) const {
    if (count_ == 0) return text.size();
    size_t i = from;
#ifdef __SSE2__
    for (; i + 16 <= text.size(); i += 16) {
      const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      __m128i hit = _mm_cmpeq_epi8(chunk, splat_[0]);
      for (size_t k = 1; k < count_; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(chunk, splat_[k]));
      const int mask = _mm_movemask_epi8(hit);
      if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    while (i < text.size() && !Contains(text[i])) ++i;
    return i;
  }

 private:
  std::array<bool, 256> member_{};
  size_t count_ = 0;
#ifdef __SSE2__
  __m128i splat_[kMaxBytes] = {};  // each byte of the set, in every lane
#endif
};

// The first offset at or after `from` where byte `c` stands twice in a row,
// or text.size().
inline size_t FindDoubled(std::string_view text, size_t from, char c) {
  size_t i = from;
#ifdef __SSE2__
  const __m128i wanted = _mm_set1_epi8(c);
  for (; i + 17 <= text.size(); i += 16) {
    const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + 1));
    const int mask = _mm_movemask_epi8(
        _mm_and_si128(_mm_cmpeq_epi8(here, wanted), _mm_cmpeq_epi8(next, wanted)));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 1 < text.size(); ++i) {
    if (text[i] == c && text[i + 1] == c) return i;
  }
  return text.size();
}

}  // namespace mtclean::internal

#endif  // MTCLEAN_DOCUMENT_BYTE_SEARCH_H_

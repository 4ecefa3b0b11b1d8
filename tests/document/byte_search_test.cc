#include "cleaner/document/byte_search.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

size_t NaiveFind(std::string_view text, size_t from, std::string_view bytes) {
  for (size_t i = from; i < text.size(); ++i) {
    if (bytes.find(text[i]) != std::string_view::npos) return i;
  }
  return text.size();
}

// Every start, in texts of every length around the sixteen-byte steps, with
// the bytes looked for anywhere (and bytes beyond ASCII around them).
TEST(ByteSetTest, FindsWhatALoopFinds) {
  const std::string bytes = "\"()[]{}\xC2\xE2";
  const ByteSet set(bytes);
  std::mt19937 random(7);
  const std::string alphabet = std::string("abc .,\"(\xC2\xA0\xE2\x80\x9C") + '\0';
  for (size_t length = 0; length < 70; ++length) {
    for (int trial = 0; trial < 20; ++trial) {
      std::string text;
      for (size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
      for (size_t from = 0; from <= length; ++from) {
        ASSERT_EQ(set.FindIn(text, from), NaiveFind(text, from, bytes))
            << "length " << length << ", from " << from;
      }
    }
  }
}

TEST(FindDoubledTest, FindsWhatALoopFinds) {
  std::mt19937 random(11);
  for (size_t length = 0; length < 70; ++length) {
    for (int trial = 0; trial < 20; ++trial) {
      std::string text;
      for (size_t i = 0; i < length; ++i) text += "ab \t"[random() % 4];
      for (size_t from = 0; from <= length; ++from) {
        size_t expected = text.size();
        for (size_t i = from; i + 1 < text.size(); ++i) {
          if (text[i] == ' ' && text[i + 1] == ' ') {
            expected = i;
            break;
          }
        }
        ASSERT_EQ(FindDoubled(text, from, ' '), expected) << "`" << text << "` from " << from;
      }
    }
  }
}

TEST(ByteSetTest, EmptySetFindsNothingAndContainsWhatItWasGiven) {
  const ByteSet none("");
  EXPECT_EQ(none.FindIn(std::string(40, '\0'), 0), 40u);
  const ByteSet stops(".!?");
  EXPECT_TRUE(stops.Contains('!'));
  EXPECT_FALSE(stops.Contains(','));
  EXPECT_EQ(stops.FindIn("The port reopened on Monday after a strike. Ships", 0), 42u);
}

}  // namespace
}  // namespace mtclean::internal

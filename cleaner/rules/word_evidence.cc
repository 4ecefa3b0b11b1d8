#include "cleaner/rules/word_evidence.h"

#include "cleaner/document/unicode_text.h"

namespace mtclean::internal {

bool IsApostrophe(char32_t c) { return c == '\'' || c == U'\u2019'; }

size_t WordBegin(std::string_view text, size_t offset, size_t floor) {
  size_t begin = offset;
  while (begin > floor) {
    size_t i = begin;
    const char32_t c = PreviousCodePoint(text, i);
    if (i < floor) break;
    if (IsWordChar(c)) {
      begin = i;
      continue;
    }
    // An apostrophe counts only between two word characters.
    if (IsApostrophe(c) && i > floor && begin < offset) {
      size_t j = i;
      if (IsWordChar(PreviousCodePoint(text, j)) && j >= floor) {
        begin = i;
        continue;
      }
    }
    break;
  }
  return begin;
}

size_t WordEnd(std::string_view text, size_t offset, size_t ceiling) {
  if (ceiling > text.size()) ceiling = text.size();
  size_t end = offset;
  while (end < ceiling) {
    size_t i = end;
    const char32_t c = NextCodePoint(text, i);
    if (i > ceiling) break;
    if (IsWordChar(c)) {
      end = i;
      continue;
    }
    if (IsApostrophe(c) && end > offset && i < ceiling) {
      size_t j = i;
      if (IsWordChar(NextCodePoint(text, j)) && j <= ceiling) {
        end = i;
        continue;
      }
    }
    break;
  }
  return end;
}

bool HasLetter(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsLetter(NextCodePoint(s, i))) return true;
  }
  return false;
}

bool IsAllLetters(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = NextCodePoint(s, i);
    if (!IsLetter(c) && !(IsWordChar(c) && !IsDigit(c) && c != '_')) return false;
  }
  return true;
}

bool StartsUpper(std::string_view s) {
  size_t i = 0;
  return !s.empty() && IsUpper(NextCodePoint(s, i));
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  const char32_t c = NextCodePoint(s, i);
  return IsLetter(c) && !IsUpper(c);
}

bool IsNumber(std::string_view s) {
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) i = 1;
  bool digit_before = false;
  bool any_digit = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digit_before = true;
      any_digit = true;
    } else if ((c == ',' || c == '.') && digit_before && i + 1 < s.size() &&
               s[i + 1] >= '0' && s[i + 1] <= '9') {
      digit_before = false;
    } else {
      return false;
    }
  }
  return any_digit;
}

std::string_view TokenAround(std::string_view text, size_t begin, size_t end) {
  auto is_break_or_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (begin > 0 && !is_break_or_space(text[begin - 1])) --begin;
  while (end < text.size() && !is_break_or_space(text[end])) ++end;
  return text.substr(begin, end - begin);
}

bool LooksLikeAddress(std::string_view token) {
  return token.find("://") != std::string_view::npos ||
         token.find("www.") != std::string_view::npos ||
         token.find_first_of("@/\\") != std::string_view::npos;
}

bool OutputLanguageAccepts(const RuleContext& context, std::string_view word) {
  absl::StatusOr<const SpellChecker*> checker = context.dictionaries.Get(context.language);
  return checker.ok() && (*checker)->Accepts(word);
}

bool SomeLanguageAccepts(const RuleContext& context, std::string_view word) {
  if (OutputLanguageAccepts(context, word)) return true;
  // The languages whose alphabet has the word's letters are asked first:
  // the answer is the same in any order, but each language asked is a
  // dictionary loaded, which costs a tenth of a second (`ação` is asked of
  // Portuguese, and of German only if no language with `ç` and `ã` knows it).
  const std::vector<std::string_view> languages = HunspellLanguages();
  for (const bool alphabet_has_letters : {true, false}) {
    for (std::string_view language : languages) {
      if (language == context.language ||
          AlphabetHasLettersOf(language, word) != alphabet_has_letters) {
        continue;
      }
      absl::StatusOr<const SpellChecker*> checker = context.dictionaries.Get(language);
      if (checker.ok() && (*checker)->Accepts(word)) return true;
    }
  }
  return false;
}

}  // namespace mtclean::internal

// Word shapes and dictionary evidence shared by the text.* and mt.* rules
// that must confirm a fix before they propose it.
//
// Every offset is a UTF-8 byte offset into valid UTF-8 text. The functions
// are pure (the dictionary ones only read the thread-safe Dictionaries) and
// safe to call from many threads.
#ifndef MTCLEAN_RULES_WORD_EVIDENCE_H_
#define MTCLEAN_RULES_WORD_EVIDENCE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "cleaner/rules/rule.h"

namespace mtclean::internal {

// ' and ’ (U+2019): inside a word (`don’t`) they belong to it.
bool IsApostrophe(char32_t c);

// Where the word that ends at `offset` begins: `offset` moved left over word
// characters (letters, digits, combining marks) and over apostrophes that
// stand between two of them. `floor` bounds the walk. Returns `offset` when
// no word character precedes it.
size_t WordBegin(std::string_view text, size_t offset, size_t floor = 0);
// Where the word that starts at `offset` ends: the mirror of WordBegin,
// bounded by `ceiling` (npos: the text's end).
size_t WordEnd(std::string_view text, size_t offset,
               size_t ceiling = std::string_view::npos);

// True when `s` holds at least one letter.
bool HasLetter(std::string_view s);
// True when every character of `s` is a letter (or a combining mark), and
// there is one.
bool IsAllLetters(std::string_view s);
// True when `s` starts with an upper-case (or title-case) letter.
bool StartsUpper(std::string_view s);
// True when `s` starts with a lower-case letter.
bool StartsLower(std::string_view s);
// True when `s` is a number as news writes them: digits with `,` or `.`
// between digit groups (`3.5`, `1,200`), optionally a leading sign.
bool IsNumber(std::string_view s);

// The run of characters around [begin, end) that holds no space, tab or
// line break: the token a mark or word stands in (`www.example.org/a.Html`).
std::string_view TokenAround(std::string_view text, size_t begin, size_t end);
// True when `token` has the shape of a web or mail address or a path: it
// holds `://`, `www.`, `@`, `/` or `\`.
bool LooksLikeAddress(std::string_view token);

// True when the dictionary of the document's language accepts `word`.
bool OutputLanguageAccepts(const RuleContext& context, std::string_view word);
// True when the document language's dictionary, or failing that the
// dictionary of another language mtclean knows (loaded on first use; one
// that cannot be loaded is skipped), accepts `word`. For names and loan
// words that a repair restores (`José`, `café`).
bool SomeLanguageAccepts(const RuleContext& context, std::string_view word);

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_WORD_EVIDENCE_H_

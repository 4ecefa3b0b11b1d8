// The project's word lists (dictionaries/): plain UTF-8 text files, one
// entry per line, `#` starts a comment line, fields separated by " | ".
//
//   dictionaries/agencies.txt              own name | other forms...; a form
//                                          marked `~` is a machine translation
//   dictionaries/<lang>/publications.txt   one multi-word name per line
//   dictionaries/html-entities.txt         HTML5 entity name | code points (hex)
//   dictionaries/html-elements.txt         HTML element name | block or inline
//   dictionaries/file-and-host-endings.txt one ending per line (`pdf`, `com`)
//   dictionaries/<lang>/doubled-words.txt  word [| after WORD... | maybe]
//   dictionaries/<lang>/hyphenated.txt     one hyphenated compound per line
//   dictionaries/<lang>/calques.txt        phrase | usual phrasing | where
//
// and the lexicons of the rules that look for page furniture (see Lexicon),
// read from the top of the folder and from every language folder:
//
//   dictionaries/[<lang>/]author-roles.txt ...   one word or phrase per line
//   dictionaries/[<lang>/]credit-labels.txt      label [| alone] [| suffix]
//
// Immutable after Load(); safe to share between threads.
#ifndef MTCLEAN_DICT_WORD_LISTS_H_
#define MTCLEAN_DICT_WORD_LISTS_H_

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace mtclean::internal {

struct Agency {
  std::string canonical;                // "Europa Press"
  // Every other form, translated ones included: "EP", "Europe Press", ...
  std::vector<std::string> variants;
  // The forms machine translation made of the name (marked `~` in the
  // list): wrong wherever they stand, replaced by `canonical`.
  std::vector<std::string> translated;  // "Europe Press", "Press Europe"
};

// One entry of a calque glossary: a phrase that betrays a literal
// translation, the usual phrasing to suggest, and where the phrase is a
// calque.
struct Calque {
  enum class Where {
    kAnywhere,         // `anywhere`
    kParagraphOpener,  // `paragraph opener`: the phrase opens a paragraph
    kSentenceOpener,   // `sentence opener`: it opens a sentence
    kSentenceWith,     // `sentence with: w, ...`: its sentence holds one of them
  };
  std::string phrase;  // as written: "In this regard,"
  std::string usual;   // the suggestion: "Meanwhile," ...
  Where where = Where::kAnywhere;
  // For kSentenceWith: the words or phrases, ASCII-lowercased.
  std::vector<std::string> context;
};

// How a tag of an HTML element sits in text.
enum class HtmlElementKind {
  kBlock,   // separates the words around it (`<br>`, `</p>`)
  kInline,  // sits inside running text (`<b>`, `</a>`)
};

// How a word written twice in a row is judged.
enum class Doubling {
  kMistake,  // not in the list (or outside its allowed position)
  kAllowed,  // `had had`
  kUnsure,   // may be legitimate: report, never fix
};

// The word and phrase lists of the rules that look for page furniture
// (author boxes, photo credits, markup debris, datelines, split names). Pages
// mix languages (a Spanish site with an English theme, an English credit
// under a French caption), so each of these rules looks in every language at
// once: a lexicon is read from the top of each word-list folder
// (`dictionaries/NAME`, entries of no one language) and from each of its
// language folders (`dictionaries/<lang>/NAME`, in the order of the folders'
// names), whatever the document's language, and holds the entries of all of
// them, as written, each once, in the order read (the built-in folder's
// first). Any of these files may be missing. The formats and which rule
// reads which: dictionaries/README.md.
enum class Lexicon {
  kAuthorRoles,           // author-roles.txt: `reporter`, `periodista`
  kAuthorCopulas,         // author-copulas.txt: `is`, `works as`, `ist`
  kAuthorBeats,           // author-beats.txt: `covers`, `escribe sobre`
  kAuthorDeterminers,     // author-determiners.txt: `a`, `the`, `una`
  kAuthorArchiveHeaders,  // author-archive-headers.txt: `all posts by`
  kAuthorAboutHeaders,    // author-about-headers.txt: `about the author`
  kBylineOpeners,         // byline-openers.txt: `by`, `written by`, `auteur :`
  kNameParticles,         // name-particles.txt: `de`, `van`, `bin`
  kCreditByWords,         // credit-by-words.txt: `by`, `por`, `von`
  kCreditNameWords,       // credit-name-words.txt: `of`, `via`, `handout`
  kStockSources,          // stock-sources.txt: `getty images`, `epa-efe`
  kTitleConnectors,       // title-connectors.txt: `of`, `the`, `für`, `&`
  kPlaceParticles,        // place-particles.txt: `de`, `am`, `upon`
  kHtmlAttributes,        // html-attributes.txt: `class`, `srcset`
  kShortcodes,            // shortcodes.txt: `caption`, `vc_row`
  kAltTextOpeners,        // alt-text-openers.txt: `image may contain`
};
inline constexpr size_t kLexiconCount = static_cast<size_t>(Lexicon::kAltTextOpeners) + 1;

// A label of a photo credit (credit-labels.txt, a lexicon like the above).
struct CreditLabel {
  std::string label;    // as written: "photo", "crédit photo"
  bool alone = false;   // `| alone`: a credit by itself (`File photo`)
  bool suffix = false;  // `| suffix`: may follow a source (`Xinhua Photo`)
};

// One parsed line of a word list: its fields and where it came from.
struct WordListEntry {
  std::vector<std::string> fields;
  int line = 0;  // 1-based
};

// Reads a word list. Errors: NotFound when the file is missing,
// InvalidArgument (naming file and line) for a line with an empty field.
absl::StatusOr<std::vector<WordListEntry>> ReadWordList(const std::string& path);

class WordLists {
 public:
  // Loads the lists under `dictionaries_dir` for `language` (and the
  // lexicons of every language), then adds the entries of the lists found in
  // each of `extra_dirs` (same layout, any file may be missing). Errors:
  // NotFound for a missing built-in list or extra folder, InvalidArgument
  // (naming file and line) for a malformed line.
  static absl::StatusOr<WordLists> Load(const std::string& dictionaries_dir,
                                        std::string_view language,
                                        const std::vector<std::string>& extra_dirs = {});

  const std::vector<Agency>& agencies() const { return agencies_; }

  // The entries of a lexicon (see Lexicon), as written, in the order read.
  const std::vector<std::string>& lexicon(Lexicon which) const {
    return lexicons_[static_cast<size_t>(which)];
  }
  // The labels of a photo credit, as written, in the order read; a label
  // listed twice has the marks of both.
  const std::vector<CreditLabel>& credit_labels() const { return credit_labels_; }

  // True when `name` is a known multi-word name (a publication or
  // organisation), compared case-insensitively after whitespace collapsing.
  bool IsKnownName(std::string_view name) const;
  // The word count of the longest known name.
  size_t max_name_words() const { return max_name_words_; }

  // The calque glossary of this language, in file order.
  const std::vector<Calque>& calques() const { return calques_; }
  // The indexes into calques() of the entries whose phrase starts with
  // `word` (one word, ASCII letters lowercased), or nullptr.
  const std::vector<size_t>* CalquesStartingWith(std::string_view word) const;

  // For tests: adds a known name.
  void AddKnownName(std::string_view name);

  // How `word` written twice in a row is judged, `sentence_before` being
  // the text of its sentence before the pair (for entries allowed only
  // after certain words). Compared case-insensitively.
  Doubling JudgeDoubled(std::string_view word, std::string_view sentence_before) const;

  // True when `compound` (`well-known`) is a compound the language writes
  // with a hyphen. Compared case-insensitively.
  bool IsHyphenatedCompound(std::string_view compound) const;

  // The text (UTF-8) the HTML5 named character reference `&name;` stands
  // for, or nullptr when `name` (case-sensitive, without `&` and `;`) is
  // not one. The pointer lives as long as this object.
  const std::string* HtmlEntity(std::string_view name) const;
  // The kind of the HTML element `name` (lower case), or nullptr when it is
  // not an element name.
  const HtmlElementKind* HtmlElement(std::string_view name) const;

  // True when `ending` (`Pdf`, `com`: without the dot) ends file names or
  // host names. Compared case-insensitively.
  bool IsFileOrHostEnding(std::string_view ending) const;

 private:
  struct DoubledEntry {
    Doubling doubling = Doubling::kAllowed;
    std::vector<std::string> after;  // folded; empty: anywhere
  };

  // The loaders of one file each; errors name the file and line.
  absl::Status LoadAgencies(const std::string& path);
  // html-entities.txt and html-elements.txt of `dictionaries_dir`.
  absl::Status LoadHtmlTables(const std::string& dictionaries_dir);
  // <lang>/doubled-words.txt, when it exists.
  absl::Status LoadDoubledWords(const std::string& path);
  absl::Status LoadCalques(const std::string& path);
  // The lexicons and the credit labels of the word-list folder `dir` (its
  // top and its language folders).
  absl::Status LoadLexicons(const std::filesystem::path& dir);
  absl::Status LoadCreditLabels(const std::string& path);

  std::vector<Agency> agencies_;
  absl::flat_hash_set<std::string> names_;  // folded
  std::vector<Calque> calques_;
  absl::flat_hash_map<std::string, std::vector<size_t>> calques_by_first_word_;
  size_t max_name_words_ = 0;
  absl::flat_hash_map<std::string, std::string> html_entities_;
  absl::flat_hash_map<std::string, HtmlElementKind> html_elements_;
  absl::flat_hash_map<std::string, DoubledEntry> doubled_;  // by folded word
  absl::flat_hash_set<std::string> hyphenated_;              // folded
  absl::flat_hash_set<std::string> file_and_host_endings_;   // folded
  std::array<std::vector<std::string>, kLexiconCount> lexicons_;
  std::vector<CreditLabel> credit_labels_;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_DICT_WORD_LISTS_H_

// Options for building an mtclean::Engine.
#ifndef MTCLEAN_OPTIONS_H_
#define MTCLEAN_OPTIONS_H_

#include <string>
#include <vector>

namespace mtclean {

struct Options {
  // Folder holding the built-in `rules/` packs and `dictionaries/` word
  // lists. Empty: the MTCLEAN_DATA_DIR environment variable, else the folder
  // chosen at build time.
  std::string data_dir;

  // Extra folders (or single .yaml files) of data rules loaded after the
  // built-in packs. Default: none.
  std::vector<std::string> rule_paths;

  // The language the text is written in (the output language of the
  // translation): "de", "en", "es", "fr", "it" or "pt". Rules that declare
  // other languages only are not run on it.
  //
  // Empty: the language of each document is guessed (function words pick
  // the candidates, the spelling dictionaries' coverage of a sample of its
  // words decides; see Result::language), and "en" is used when the guess
  // is inconclusive (a short text, or no dictionary covers most of the
  // sample). A corpus of mixed languages is then cleaned with each
  // document's own rules, and English-only fixes never touch a French page.
  // Default: "" (guess).
  std::string language;

  // What mt.untranslated does with a sentence left in another language:
  // false reports it (a finding without a fix), true also deletes it.
  // Default: false.
  bool delete_untranslated = false;

  // Folder of the system's Hunspell dictionaries (Debian's hunspell-*
  // packages). Default: /usr/share/hunspell.
  std::string hunspell_dir = "/usr/share/hunspell";

  // Folder where compiled pattern databases are kept between runs (see
  // Scanner::Compile). Default: empty, no cache. The CLI sets it to
  // $MTCLEAN_CACHE_DIR, else $XDG_CACHE_HOME/mtclean, else ~/.cache/mtclean.
  std::string cache_dir;

  // When non-empty, only the rules with these ids run (used by the rule
  // example tests and by `--rule`). Default: all rules.
  std::vector<std::string> only_rules;
};

}  // namespace mtclean

#endif  // MTCLEAN_OPTIONS_H_

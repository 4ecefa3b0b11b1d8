// Options for building an mtclean::Engine.
#ifndef MTCLEAN_OPTIONS_H_
#define MTCLEAN_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "mtclean/finding.h"

namespace mtclean {

// A value taken from a configuration file with the place it was written,
// so that an error about it names "FILE:LINE:COLUMN". `origin` is empty for
// values set in code or on the command line.
struct Located {
  std::string value;
  std::string origin;
};

// Turns the rules that `pattern` matches on or off. `pattern` is a rule id
// or a glob over ids (`scrape.*`). Among the selectors that match a rule,
// the most specific decides (an exact id beats a glob, a glob with more
// literal characters beats a shorter one; at a tie, off wins); a rule no
// selector matches is on.
struct RuleSelector {
  Located pattern;
  bool enable = false;
};

// Gives the rules that `pattern` matches another severity (the most
// specific pattern wins, as for RuleSelector).
struct SeverityOverride {
  Located pattern;
  Severity severity = Severity::kWarning;
};

struct Options {
  // Folder holding the built-in `rules/` packs and `dictionaries/` word
  // lists. Empty: the MTCLEAN_DATA_DIR environment variable, else the folder
  // chosen at build time.
  std::string data_dir;

  // The built-in packs to load, by family name (`scrape` loads the YAML
  // rules under `rules/scrape/` and the built-in structural rules whose id
  // starts with `scrape.`). Default (nullopt): every built-in pack.
  std::optional<std::vector<Located>> builtin_packs;

  // Extra folders (or single .yaml files) of data rules loaded after the
  // built-in packs. Default: none.
  std::vector<std::string> rule_paths;

  // Extra word-list folders laid out like `dictionaries/` (any of its files
  // may be missing); their entries are added to the built-in lists.
  // Default: none.
  std::vector<std::string> dictionary_paths;

  // The language the text is written in (the output language of the
  // translation): "de", "en", "es", "fr", "it" or "pt". Rules that declare
  // other languages only are not run on it.
  //
  // Empty (or "auto"): the language of each document is guessed (function words pick
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

  // Rules turned on or off; unknown ids and globs that match no rule are
  // errors. Default: none (every rule of the loaded packs is on).
  std::vector<RuleSelector> selectors;

  // Severity changes; unknown ids and globs that match no rule are errors.
  std::vector<SeverityOverride> severities;

  // Folder of the system's Hunspell dictionaries (Debian's hunspell-*
  // packages). Default: /usr/share/hunspell.
  std::string hunspell_dir = "/usr/share/hunspell";

  // Folder where compiled pattern databases are kept between runs (see
  // Scanner::Compile). Default: empty, no cache. The CLI and the Python
  // package set it to DefaultCacheDir().
  std::string cache_dir;

  // When non-empty, only the rules with these ids run (used by the rule
  // example tests and by `--rule`). Default: all rules.
  std::vector<std::string> only_rules;

  // Report every Markdown suppression comment that suppressed nothing as a
  // finding of the rule `mtclean.unused-suppression`. Default: false.
  bool report_unused_suppressions = false;
};

// The per-user cache folder for Options::cache_dir: $MTCLEAN_CACHE_DIR,
// else $XDG_CACHE_HOME/mtclean, else ~/.cache/mtclean; empty (no cache)
// when none of these is set.
std::string DefaultCacheDir();

}  // namespace mtclean

#endif  // MTCLEAN_OPTIONS_H_

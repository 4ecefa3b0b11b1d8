// mtclean: cleans the artifacts that scraping and machine translation leave
// in news text. See README.md for the commands.
#include <cstdlib>
#include <iostream>
#include <string>

#include "CLI/CLI.hpp"
#include "cleaner/cli/commands.h"

namespace {

// $MTCLEAN_CACHE_DIR, else $XDG_CACHE_HOME/mtclean, else ~/.cache/mtclean;
// empty (no cache) when none is set.
std::string DefaultCacheDir() {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v == nullptr ? "" : v;
  };
  if (std::string dir = env("MTCLEAN_CACHE_DIR"); !dir.empty()) return dir;
  if (std::string dir = env("XDG_CACHE_HOME"); !dir.empty()) return dir + "/mtclean";
  if (std::string dir = env("HOME"); !dir.empty()) return dir + "/.cache/mtclean";
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  using mtclean::cli::CliOptions;
  CLI::App app{"mtclean: clean scraped, machine-translated news text"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "mtclean 0.1.0");

  mtclean::Options engine_options;
  CliOptions options;
  app.add_option("--data-dir", engine_options.data_dir,
                 "Folder holding rules/ and dictionaries/ (default: MTCLEAN_DATA_DIR "
                 "or the built-in location)");
  app.add_option("--rules", engine_options.rule_paths,
                 "Extra rule file or folder of *.yaml rules (repeatable)");
  app.add_option("--lang", engine_options.language,
                 "Language of the text: de, en, es, fr, it or pt; auto (the default) guesses "
                 "it per document, falling back to en")
      ->check(CLI::IsMember({"auto", "de", "en", "es", "fr", "it", "pt"}));
  app.add_flag("--delete-untranslated", engine_options.delete_untranslated,
               "Delete the sentences mt.untranslated finds (default: only report them)");

  bool no_cache = false;
  app.add_flag("--no-cache", no_cache,
               "Do not keep compiled pattern databases between runs");

  CLI::App* check = app.add_subcommand("check", "Report findings; no file is changed");
  check->add_option("paths", options.paths, "Files or folders (- for standard input)")
      ->required();
  check->add_option("--fail-on", options.fail_on,
                    "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  check->add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text"}))
      ->capture_default_str();

  CLI::App* fix = app.add_subcommand(
      "fix", "Print the diff of the safe fixes, --write them, or filter - to stdout");
  fix->add_option("paths", options.paths, "Files or folders, or - to filter stdin")
      ->required();
  fix->add_flag("--write,-w", options.write, "Apply the fixes in place (atomically)");

  CLI::App* rules = app.add_subcommand("rules", "List the active rules");
  CLI::App* explain = app.add_subcommand("explain", "Describe a rule with its examples");
  explain->add_option("rule", options.rule, "Rule id")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : mtclean::cli::kExitUsage;
  }

  if (!no_cache) engine_options.cache_dir = DefaultCacheDir();
  if (engine_options.language == "auto") engine_options.language.clear();
  absl::StatusOr<std::unique_ptr<mtclean::Engine>> engine =
      mtclean::Engine::Create(engine_options);
  if (!engine.ok()) {
    std::cerr << "mtclean: error: " << engine.status().message() << "\n";
    return mtclean::cli::kExitUsage;
  }
  if (*check) return mtclean::cli::RunCheck(**engine, options);
  if (*fix) return mtclean::cli::RunFix(**engine, options);
  if (*rules) return mtclean::cli::RunRules(**engine, options);
  if (*explain) return mtclean::cli::RunExplain(**engine, options);
  return mtclean::cli::kExitUsage;
}

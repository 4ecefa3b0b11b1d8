// mtclean: cleans the artifacts that scraping and machine translation leave
// in news text. See README.md for the commands.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "CLI/CLI.hpp"
#include "cleaner/cli/commands.h"
#include "cleaner/cli/serve_command.h"

#ifdef MTCLEAN_WITH_JEMALLOC
// jemalloc's options, read when it starts (MALLOC_CONF in the environment
// still overrides them). Start-up fills a few megabytes at once (the pattern
// databases, the Hunspell dictionary), and page faults are costly on virtual
// machines: with transparent huge pages for jemalloc's memory, an empty run
// takes 2,100 page faults instead of 5,700 and 110 ms of CPU instead of 175,
// and a long run is about 2% faster. The price: peak memory grows by 15 to
// 25 MB.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always";
}
#endif

namespace {

// Every option that may be given several times takes one value each time
// (`--rules A --rules B`), as ruff and Vale do: by default CLI11 lets a
// vector option take every word that follows it, so `--rules house.yaml
// article.txt` would read the input as a rule file. Positional arguments
// (the paths) still take all that is left.
void OneValuePerOption(CLI::App* app) {
  for (CLI::Option* option : app->get_options()) {
    if (!option->get_positional()) option->allow_extra_args(false);
  }
  for (CLI::App* command : app->get_subcommands([](CLI::App*) { return true; })) {
    OneValuePerOption(command);
  }
}

}  // namespace

int main(int argc, char** argv) {
  using mtclean::cli::CliOptions;
  CLI::App app{"mtclean: clean scraped, machine-translated news text"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command
  app.set_version_flag("--version", "mtclean 0.1.0");

  mtclean::Options engine_options;
  CliOptions options;
  std::string config_path;
  app.add_option("--data-dir", engine_options.data_dir,
                 "Folder holding rules/ and dictionaries/ (default: MTCLEAN_DATA_DIR "
                 "or the built-in location)");
  app.add_option("--rules", engine_options.rule_paths,
                 "Extra rule file or folder of *.yaml rules (repeat the option for more: "
                 "--rules A --rules B)");
  CLI::Option* lang =
      app.add_option("--lang", engine_options.language,
                     "Language of the text: de, en, es, fr, it or pt (beats a configuration's); "
                     "auto (the default) guesses it per document, falling back to en")
          ->check(CLI::IsMember(mtclean::cli::kLanguageChoices));
  app.add_flag("--delete-untranslated", engine_options.delete_untranslated,
               "Delete the sentences mt.untranslated finds (default: only report them)");
  app.add_option("--config", config_path,
                 "Configuration file for every input, instead of the nearest .mtclean.yaml");
  app.add_flag("--markdown", options.markdown,
               "Read every input as Markdown (default: *.md and *.markdown files, and "
               "unnamed standard input that opens with front matter)");
  app.add_option("--stdin-filename", options.stdin_filename,
                 "The file name of standard input (-): its extension tells Markdown, its "
                 "folder the nearest .mtclean.yaml, and messages show it");

  app.add_option("--max-bytes", options.read.max_bytes,
                 "Skip documents larger than this many bytes, with a warning; with --jsonl, "
                 "a larger record is a bad record")
      ->capture_default_str();
  app.add_flag("--lossy", options.read.lossy,
               "Replace invalid UTF-8 with U+FFFD (and say so) instead of refusing the file");

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
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "diff", "html"}))
      ->capture_default_str();
  check->add_option("--color", options.color,
                    "Colour the text format: auto (on a terminal, unless NO_COLOR is set), "
                    "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  check->add_option("--jobs,-j", options.jobs,
                    "Worker threads (default: the number of cores); output order is kept");
  mtclean::cli::AddCorpusOptions(check, false, &options.corpus);
  check->add_flag("--report-unused-suppressions", engine_options.report_unused_suppressions,
                  "Report suppression comments that suppressed nothing");

  CLI::App* fix = app.add_subcommand(
      "fix", "Print the diff of the safe fixes, --write them, or filter - to stdout");
  fix->add_option("paths", options.paths, "Files or folders, or - to filter stdin")
      ->required();
  fix->add_flag("--write,-w", options.write, "Apply the fixes in place (atomically)");
  fix->add_option("--format", options.format,
                  "Output format: diff (the default) or html (the review page of the fixes; "
                  "with --write, of the fixes written)")
      ->check(CLI::IsMember({"diff", "html"}));
  fix->add_option("--jobs,-j", options.jobs,
                  "Worker threads (default: the number of cores); output order is kept");
  mtclean::cli::AddCorpusOptions(fix, true, &options.corpus);

  CLI::App* rules = app.add_subcommand("rules", "List the active rules");
  rules->add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  CLI::App* explain = app.add_subcommand("explain", "Describe a rule with its examples");
  explain->add_option("rule", options.rule, "Rule id")->required();
  CLI::App* eval = app.add_subcommand(
      "eval", "Measure recall, precision and damage on a labelled corpus (DIR/docs, DIR/gold)");
  eval->add_option("dir", options.paths, "Corpus folder")->required()->expected(1);
  eval->add_option("--format", options.format,
                   "Output format (html: the review page of the --worst documents against gold)")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->capture_default_str();
  eval->add_option("--worst", options.worst,
                   "How many of the documents furthest from gold to show with their diffs")
      ->capture_default_str();
  eval->add_option("--outputs", options.outputs,
                   "Score another tool instead of mtclean: OUTDIR/ID.txt is its cleaned text "
                   "of DIR/docs/ID.txt, its changes reported as the rule peer.OUTDIR");

  mtclean::cli::ServeCommandOptions serve_options;
  CLI::App* serve = mtclean::cli::AddServeCommand(&app, &serve_options);

  OneValuePerOption(&app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : mtclean::cli::kExitUsage;
  }

  if (!options.stdin_filename.empty() &&
      ((!*check && !*fix) ||
       std::find(options.paths.begin(), options.paths.end(), "-") == options.paths.end())) {
    std::cerr << "mtclean: error: --stdin-filename names standard input: give `-` as the "
                 "path of check or fix\n";
    return mtclean::cli::kExitUsage;
  }
  if (!no_cache) engine_options.cache_dir = mtclean::DefaultCacheDir();
  std::optional<std::string> config;
  if (!config_path.empty()) config = config_path;
  mtclean::cli::EngineSet engines(engine_options, config, lang->count() > 0);
  if (options.corpus.jsonl && (*check || *fix)) {
    return mtclean::cli::RunCorpus(engines, options, static_cast<bool>(*fix));
  }
  if (*check) return mtclean::cli::RunCheck(engines, options);
  if (*fix) return mtclean::cli::RunFix(engines, options);
  if (*rules) return mtclean::cli::RunRules(engines, options);
  if (*explain) return mtclean::cli::RunExplain(engines, options);
  if (*eval) return mtclean::cli::RunEval(engines, options);
  if (*serve) return mtclean::cli::RunServe(engines, serve_options);
  return mtclean::cli::kExitUsage;
}

#include "cleaner/cli/engines.h"

#include <filesystem>

#include "cleaner/corpus/ordered_pool.h"
#include "cleaner/document/document.h"
#include "mtclean/corpus.h"

namespace mtclean::cli {

namespace fs = std::filesystem;

EngineSet::EngineSet(Options base, std::optional<std::string> config_path, bool language_given)
    : base_(std::move(base)), config_path_(std::move(config_path)), language_given_(language_given) {}

absl::StatusOr<std::string> EngineSet::ConfigFor(const std::string& input_path) {
  if (config_path_) return *config_path_;
  std::error_code ec;
  std::string dir = ".";
  if (input_path != "-") {
    const fs::path parent = fs::path(input_path).parent_path();
    dir = fs::is_directory(input_path, ec) ? input_path
          : parent.empty()                 ? std::string(".")
                                           : parent.string();
  }
  const std::string key = fs::absolute(dir, ec).lexically_normal().string();
  auto it = config_of_dir_.find(key);
  if (it != config_of_dir_.end()) return it->second;
  std::string found = internal::FindConfig(key).value_or("");
  config_of_dir_.emplace(key, found);
  return found;
}

absl::StatusOr<EngineSet::Selection> EngineSet::For(const std::string& input_path) {
  absl::StatusOr<std::string> config_path = ConfigFor(input_path);
  if (!config_path.ok()) return config_path.status();
  Selection selection;
  auto engine = engines_.find(*config_path);
  if (engine == engines_.end()) {
    Options options = base_;
    if (!config_path->empty()) {
      absl::StatusOr<internal::Config> config = internal::LoadConfig(*config_path);
      if (!config.ok()) return config.status();
      config->ApplyTo(&options, language_given_);
      configs_[*config_path] = std::make_unique<internal::Config>(std::move(*config));
    }
    absl::StatusOr<std::unique_ptr<Engine>> created = Engine::Create(options);
    if (!created.ok()) return created.status();
    engine = engines_.emplace(*config_path, std::move(*created)).first;
  }
  selection.engine = engine->second.get();
  if (auto c = configs_.find(*config_path); c != configs_.end()) selection.config = c->second.get();
  return selection;
}

std::vector<const Engine*> EngineSet::engines() const {
  std::vector<const Engine*> out;
  for (const auto& [path, engine] : engines_) out.push_back(engine.get());
  return out;
}

std::unique_ptr<EngineSet> EngineSet::WithLanguage(const std::string& language) const {
  Options options = base_;
  options.language = language;
  return std::make_unique<EngineSet>(std::move(options), config_path_, true);
}

std::string DisplayPath(const std::string& path, const std::string& stdin_name) {
  if (path == "-") return stdin_name.empty() ? "<stdin>" : DisplayPath(stdin_name);
  const fs::path p = fs::path(path).lexically_normal();
  if (p.is_absolute()) {
    std::error_code ec;
    const fs::path relative = p.lexically_relative(fs::current_path(ec));
    if (!ec && !relative.empty() && *relative.begin() != "..") return relative.string();
  }
  return p.string();
}

TextFormat TextFormatForUnnamedInput(std::string_view text) {
  return internal::OpensWithFrontMatter(text) ? TextFormat::kMarkdown : TextFormat::kPlain;
}

absl::StatusOr<std::vector<PreparedInput>> PrepareInputs(EngineSet& engines,
                                                         const std::vector<std::string>& paths,
                                                         bool markdown,
                                                         const std::string& stdin_name) {
  std::vector<PreparedInput> prepared;
  for (const Input& input : ExpandInputs(paths)) {
    const bool is_stdin = input.path == "-";
    // Standard input is configured and formatted as its name would be.
    const std::string& as_path = is_stdin && !stdin_name.empty() ? stdin_name : input.path;
    absl::StatusOr<EngineSet::Selection> selection = engines.For(as_path);
    if (!selection.ok()) return selection.status();
    // Standard input was given explicitly: a configuration's `skip` does not
    // apply to it, whatever its name.
    if (!is_stdin && selection->config != nullptr && selection->config->Skips(input.path)) {
      continue;
    }
    PreparedInput p;
    p.input = input;
    p.shown = DisplayPath(input.path, stdin_name);
    if (is_stdin) p.input.name = p.shown;
    p.format = markdown            ? TextFormat::kMarkdown
               : as_path == "-"    ? TextFormat::kPlain
                                   : TextFormatForPath(as_path);
    p.format_from_text = !markdown && as_path == "-";
    p.engine = selection->engine;
    prepared.push_back(std::move(p));
  }
  return prepared;
}

void CleanInOrder(const std::vector<PreparedInput>& inputs, int jobs, const ReadPolicy& read,
                  const std::function<void(CleanedInput&)>& emit) {
  size_t next_input = 0;
  internal::RunOrdered<CleanedInput>(
      WorkerCount(jobs), 0,
      [&]() -> std::optional<CleanedInput> {
        if (next_input == inputs.size()) return std::nullopt;
        CleanedInput item;
        item.input = &inputs[next_input++];
        return item;
      },
      [&read](CleanedInput& item) {
        item.loaded = LoadInput(item.input->input, read);
        if (item.loaded.ok() && item.loaded->verdict == LoadedInput::Verdict::kClean) {
          const TextFormat format = item.input->format_from_text
                                        ? TextFormatForUnnamedInput(item.loaded->text)
                                        : item.input->format;
          item.result = item.input->engine->Clean(item.input->shown, item.loaded->text, format);
        }
      },
      [&emit](CleanedInput& item) {
        emit(item);
        return true;
      });
}

}  // namespace mtclean::cli

#include "cleaner/serve/engines_by_language.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace mtclean::serve {

EnginesByLanguage::EnginesByLanguage(const Engine* shared, std::string shared_language,
                                     std::vector<std::string> languages, Factory factory)
    : shared_(shared),
      shared_language_(std::move(shared_language)),
      languages_(std::move(languages)),
      factory_(std::move(factory)) {}

absl::StatusOr<const Engine*> EnginesByLanguage::For(const std::string& language) {
  if (language.empty() || language == shared_language_) return shared_;
  if (std::find(languages_.begin(), languages_.end(), language) == languages_.end()) {
    return absl::InvalidArgumentError(absl::StrCat("unknown `lang` \"", language,
                                                   "\": use one of ",
                                                   absl::StrJoin(languages_, ", ")));
  }
  Slot* slot;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::unique_ptr<Slot>& owned = slots_[language];
    if (owned == nullptr) owned = std::make_unique<Slot>();
    slot = owned.get();
  }
  // Outside the map's lock: a build in one language does not hold up
  // requests in the others. call_once makes the first caller build and the
  // others wait for it.
  std::call_once(slot->built, [&] { slot->engine = factory_(language); });
  return slot->engine;
}

}  // namespace mtclean::serve

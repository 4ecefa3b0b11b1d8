// The `title` of a document's front matter (YAML between `---` lines, or
// TOML between `+++` lines), which scrape.duplicate-headline compares the
// first blocks with.
#ifndef MTCLEAN_DOCUMENT_FRONT_MATTER_H_
#define MTCLEAN_DOCUMENT_FRONT_MATTER_H_

#include <string>
#include <string_view>

namespace mtclean::internal {

// The top-level `title` of `body` (the front matter without its fence
// lines), unquoted and unescaped. `toml`: TOML syntax, else YAML. Empty when
// there is none, it is not a string, or the front matter does not parse
// (front matter is the site generator's business: mtclean never rejects it).
std::string FrontMatterTitle(std::string_view body, bool toml);

}  // namespace mtclean::internal

#endif  // MTCLEAN_DOCUMENT_FRONT_MATTER_H_

// What the report writers get about one checked file. Only cli/ prints;
// these functions build strings.
#ifndef MTCLEAN_REPORT_REPORT_H_
#define MTCLEAN_REPORT_REPORT_H_

#include <string>
#include <string_view>

#include "mtclean/engine.h"

namespace mtclean::internal {

// One checked file. `path` is as shown to the user (relative to the
// current folder, `<stdin>` for standard input); `text` is the original and
// `result` what Engine::Clean made of it. The views must outlive the use.
struct CheckedFile {
  std::string path;
  std::string_view text;
  const Result* result = nullptr;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_REPORT_REPORT_H_

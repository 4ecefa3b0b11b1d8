#include "cleaner/document/front_matter.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "unicode/utf8.h"
#include "yaml-cpp/yaml.h"

namespace mtclean::internal {
namespace {

std::string YamlTitle(std::string_view body) {
  try {
    const YAML::Node root = YAML::Load(std::string(body));
    if (!root.IsMap()) return "";
    const YAML::Node title = root["title"];
    if (!title || !title.IsScalar()) return "";
    return title.Scalar();
  } catch (const YAML::Exception&) {
    return "";
  }
}

void AppendCodePoint(uint32_t c, std::string* out) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(buffer, static_cast<size_t>(length));
}

// A TOML basic ("...") or literal ('...') one-line string at the start of
// `value`; empty when it is something else.
std::string TomlString(absl::string_view value) {
  if (value.size() < 2) return "";
  const char quote = value[0];
  if (quote == '\'') {
    const size_t close = value.find('\'', 1);
    return close == absl::string_view::npos ? "" : std::string(value.substr(1, close - 1));
  }
  if (quote != '"' || value.substr(0, 3) == "\"\"\"") return "";
  std::string out;
  for (size_t i = 1; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '"') return out;
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i >= value.size()) return "";
    switch (value[i]) {
      case 'b': out.push_back('\b'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'f': out.push_back('\f'); break;
      case 'r': out.push_back('\r'); break;
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case 'u':
      case 'U': {
        const size_t digits = value[i] == 'u' ? 4 : 8;
        uint32_t code = 0;
        if (i + digits >= value.size() ||
            !absl::SimpleHexAtoi(value.substr(i + 1, digits), &code)) {
          return "";
        }
        AppendCodePoint(code, &out);
        i += digits;
        break;
      }
      default:
        return "";
    }
  }
  return "";  // not closed on its line
}

std::string TomlTitle(std::string_view body) {
  for (absl::string_view line :
       absl::StrSplit(absl::string_view(body.data(), body.size()), '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (!line.empty() && line.front() == '[') return "";  // a table: no longer top level
    if (!absl::ConsumePrefix(&line, "title")) continue;
    line = absl::StripLeadingAsciiWhitespace(line);
    if (!absl::ConsumePrefix(&line, "=")) continue;
    return TomlString(absl::StripLeadingAsciiWhitespace(line));
  }
  return "";
}

}  // namespace

std::string FrontMatterTitle(std::string_view body, bool toml) {
  return toml ? TomlTitle(body) : YamlTitle(body);
}

}  // namespace mtclean::internal

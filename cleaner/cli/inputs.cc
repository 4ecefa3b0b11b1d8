#include "cleaner/cli/inputs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "cleaner/document/document.h"

namespace mtclean::cli {
namespace {

bool IsTextExtension(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".markdown";
}

absl::Status Errno(const std::string& path, const char* what) {
  return absl::UnavailableError(absl::StrCat(path, ": ", what, ": ", std::strerror(errno)));
}

}  // namespace

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<Input> inputs;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      inputs.push_back({.path = path, .named = true, .error = {}, .name = {}});
      continue;
    }
    std::vector<Input> found;
    auto unreadable = [&found](const std::string& folder, const std::error_code& error) {
      found.push_back({.path = folder,
                       .named = false,
                       .error = absl::StrCat(folder, ": cannot read folder: ", error.message()),
                       .name = {}});
    };
    fs::recursive_directory_iterator it(path, ec);
    if (ec) unreadable(path, ec);
    std::string current = path;  // what the walk stands on, for an error
    for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
      current = it->path().string();
      std::error_code entry_ec;  // a broken link: not a folder, not a file
      if (it->is_directory(entry_ec) && !it->is_symlink(entry_ec)) {
        // Opened here first, so that a folder that cannot be read is
        // reported and passed by, not left to end the walk.
        std::error_code open_ec;
        fs::directory_iterator probe(it->path(), open_ec);
        if (open_ec) {
          unreadable(current, open_ec);
          it.disable_recursion_pending();
        }
      } else if (it->is_regular_file(entry_ec) && IsTextExtension(it->path())) {
        found.push_back({.path = current, .named = false, .error = {}, .name = {}});
      }
    }
    if (ec && current != path) unreadable(current, ec);
    std::sort(found.begin(), found.end(),
              [](const Input& a, const Input& b) { return a.path < b.path; });
    for (Input& f : found) inputs.push_back(std::move(f));
  }
  return inputs;
}

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return absl::UnavailableError("<stdin>: cannot read standard input");
    return data;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot read: ", std::strerror(errno)));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return absl::UnavailableError(absl::StrCat(path, ": read error"));
  return std::move(buffer).str();
}

absl::StatusOr<LoadedInput> LoadInput(const Input& input, const ReadPolicy& policy) {
  using Verdict = LoadedInput::Verdict;
  const std::string& path = input.path;
  const std::string shown = !input.name.empty() ? input.name : path == "-" ? "<stdin>" : path;
  if (!input.error.empty()) return absl::UnavailableError(input.error);
  LoadedInput loaded;
  auto too_large = [&](uint64_t size) {
    loaded.verdict = Verdict::kSkip;
    loaded.message = absl::StrCat(shown, ": skipped: ", size,
                                  " bytes is more than --max-bytes ", policy.max_bytes);
    return loaded;
  };
  if (path != "-") {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > policy.max_bytes) return too_large(size);
  }
  absl::StatusOr<std::string> text = ReadInput(path);
  if (!text.ok()) return text.status();
  loaded.text = std::move(*text);
  // Standard input has no size to ask beforehand.
  if (loaded.text.size() > policy.max_bytes) return too_large(loaded.text.size());
  if (const void* nul = std::memchr(loaded.text.data(), '\0', loaded.text.size());
      nul != nullptr) {
    const size_t at = static_cast<const char*>(nul) - loaded.text.data();
    loaded.verdict = input.named ? Verdict::kRefuse : Verdict::kSkip;
    loaded.message = absl::StrCat(shown, input.named ? ": " : ": skipped: ",
                                  "binary file (NUL byte at byte ", at, ")");
    return loaded;
  }
  if (absl::Status valid = internal::ValidateUtf8(loaded.text); !valid.ok()) {
    if (!policy.lossy) {
      loaded.verdict = Verdict::kRefuse;
      loaded.message = absl::StrCat(shown, ": ", valid.message(),
                                    " (--lossy replaces invalid UTF-8 with U+FFFD)");
      return loaded;
    }
    loaded.text = internal::RepairUtf8(loaded.text, &loaded.repaired);
    loaded.message = absl::StrCat(shown, ": ", valid.message(), ": ", loaded.repaired,
                                  loaded.repaired == 1 ? " sequence" : " sequences",
                                  " of invalid UTF-8 replaced with U+FFFD (--lossy)");
  }
  return loaded;
}

bool ReportVerdict(const LoadedInput& loaded) {
  if (!loaded.message.empty()) {
    std::cerr << "mtclean: "
              << (loaded.verdict == LoadedInput::Verdict::kRefuse ? "error: " : "warning: ")
              << loaded.message << "\n";
  }
  return loaded.verdict == LoadedInput::Verdict::kClean;
}

absl::Status WriteFileAtomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  struct stat original {};
  if (::stat(path.c_str(), &original) != 0) return Errno(path, "cannot stat");
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / absl::StrCat(".", target.filename().string(), ".mtclean-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return Errno(path, "cannot create a temporary file beside it");
  auto fail = [&](const char* what) {
    absl::Status s = Errno(path, what);
    ::close(fd);
    ::unlink(temp.c_str());
    return s;
  };
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write the temporary file");
    }
    written += static_cast<size_t>(n);
  }
  if (::fchmod(fd, original.st_mode & 07777) != 0) return fail("cannot set permissions");
  if (::fsync(fd) != 0) return fail("cannot flush the temporary file");
  if (::close(fd) != 0) {
    absl::Status s = Errno(path, "cannot close the temporary file");
    ::unlink(temp.c_str());
    return s;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    absl::Status s = Errno(path, "cannot replace the file");
    ::unlink(temp.c_str());
    return s;
  }
  // Make the rename itself durable.
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return absl::OkStatus();
}

}  // namespace mtclean::cli

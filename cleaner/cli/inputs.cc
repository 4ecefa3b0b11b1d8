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

namespace {

constexpr size_t kStdinRead = 1 << 20;

// Reads up to `capacity` bytes of standard input; 0 at its end.
absl::StatusOr<size_t> ReadStandardInput(char* buffer, size_t capacity, const std::string& shown) {
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buffer, capacity);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR) {
      return absl::UnavailableError(absl::StrCat(shown, ": read error: ", std::strerror(errno)));
    }
  }
}

// Standard input up to `limit` bytes and at most one read more, so that
// more than `limit` bytes means there may be more. The buffer is reserved
// for the limit at once (address space, not memory, until it is filled), so
// that it is never copied to grow, and each of its bytes is cleared once.
absl::Status ReadStandardInputUpTo(uint64_t limit, const std::string& shown, std::string* text,
                                   bool* at_end) {
  constexpr uint64_t kReserveAtMost = uint64_t{1} << 30;
  text->clear();
  text->reserve(static_cast<size_t>(std::min(limit + kStdinRead, kReserveAtMost)));
  *at_end = false;
  size_t filled = 0;
  while (filled <= limit) {
    if (filled == text->size()) text->resize(filled + kStdinRead);
    absl::StatusOr<size_t> got =
        ReadStandardInput(text->data() + filled, text->size() - filled, shown);
    if (!got.ok()) {
      text->resize(filled);
      return got.status();
    }
    if (*got == 0) {
      *at_end = true;
      break;
    }
    filled += *got;
  }
  text->resize(filled);
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
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

std::string Shown(const Input& input) {
  if (!input.name.empty()) return input.name;
  return input.path == "-" ? "<stdin>" : input.path;
}

std::string TooLarge(const std::string& shown, uint64_t size, uint64_t limit) {
  return absl::StrCat(shown, ": skipped: ", size, " bytes is more than --max-bytes ", limit);
}

}  // namespace

absl::StatusOr<LoadedInput> LoadInput(const Input& input, const ReadPolicy& policy) {
  using Verdict = LoadedInput::Verdict;
  const std::string& path = input.path;
  const std::string shown = Shown(input);
  if (!input.error.empty()) return absl::UnavailableError(input.error);
  LoadedInput loaded;
  if (path == "-") {
    // Standard input has no size to ask beforehand: it is measured as it
    // is read, and never held past the limit.
    bool at_end = false;
    if (absl::Status s = ReadStandardInputUpTo(policy.max_bytes, shown, &loaded.text, &at_end);
        !s.ok()) {
      return s;
    }
    if (!at_end || loaded.text.size() > policy.max_bytes) {
      loaded.verdict = Verdict::kSkip;
      loaded.rest_unread = !at_end;
      if (at_end) loaded.message = TooLarge(shown, loaded.text.size(), policy.max_bytes);
      return loaded;
    }
  } else {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > policy.max_bytes) {
      loaded.verdict = Verdict::kSkip;
      loaded.message = TooLarge(shown, size, policy.max_bytes);
      return loaded;
    }
    absl::StatusOr<std::string> text = ReadFile(path);
    if (!text.ok()) return text.status();
    loaded.text = std::move(*text);
  }
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

absl::Status FinishStandardInput(const Input& input, const ReadPolicy& policy,
                                 LoadedInput* loaded, std::FILE* out) {
  const std::string shown = Shown(input);
  const absl::Status write_error = absl::UnavailableError("cannot write the output");
  uint64_t size = loaded->text.size();
  if (out != nullptr && std::fwrite(loaded->text.data(), 1, loaded->text.size(), out) !=
                            loaded->text.size()) {
    return write_error;
  }
  std::string().swap(loaded->text);
  if (loaded->rest_unread) {
    std::string buffer(kStdinRead, '\0');
    for (;;) {
      absl::StatusOr<size_t> got = ReadStandardInput(buffer.data(), buffer.size(), shown);
      if (!got.ok()) return got.status();
      if (*got == 0) break;
      size += *got;
      if (out != nullptr && std::fwrite(buffer.data(), 1, *got, out) != *got) return write_error;
    }
    loaded->rest_unread = false;
  }
  if (out != nullptr && std::fflush(out) != 0) return write_error;
  loaded->message = TooLarge(shown, size, policy.max_bytes);
  return absl::OkStatus();
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

// Helpers for the end-to-end tests that run the mtclean binary and other
// programs: a scratch folder and a shell command runner.
#ifndef MTCLEAN_TESTS_CLI_SHELL_H_
#define MTCLEAN_TESTS_CLI_SHELL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/test_support.h"

namespace mtclean::testing {

struct RunOutput {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A scratch folder per use, removed at the end.
class Scratch {
 public:
  Scratch() {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("mtclean-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  void Write(const std::string& name, const std::string& content) const {
    const std::filesystem::path p = dir_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

// Runs a bash command line in `cwd` with the binary as $MTCLEAN, its folder
// as $MTCLEAN_BIN_DIR and the source tree's rules and word lists. The
// command must not contain single quotes.
inline RunOutput Shell(const std::string& command, const std::string& cwd = ".") {
  Scratch io;
  const std::string binary = MTCLEAN_BINARY;
  const std::string bin_dir = std::filesystem::path(binary).parent_path().string();
  const std::string line = "cd '" + cwd + "' && MTCLEAN='" + binary + "' MTCLEAN_BIN_DIR='" +
                           bin_dir + "' MTCLEAN_DATA_DIR='" + std::string(MTCLEAN_SOURCE_DIR) +
                           "' MTCLEAN_CACHE_DIR='" + MTCLEAN_TEST_CACHE_DIR + "' bash -c '" + command + "' >'" + io.Path("out") + "' 2>'" +
                           io.Path("err") + "'";
  RunOutput r;
  const int status = std::system(line.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(io.Path("out"));
  r.err = ReadFile(io.Path("err"));
  return r;
}

}  // namespace mtclean::testing

#endif  // MTCLEAN_TESTS_CLI_SHELL_H_

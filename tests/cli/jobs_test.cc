// `check` and `fix` on plain files with several workers: the output is the
// one of a single worker, in input order.
#include <string>

#include "tests/cli/shell.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::RunOutput;
using ::mtclean::testing::Shell;
using ::mtclean::testing::SourcePath;

TEST(JobsTest, CheckAndFixKeepInputOrderUnderFourJobs) {
  const std::string articles = SourcePath("tests/articles");
  for (const std::string command : {"check --format text --color never", "check --format json",
                                    "fix"}) {
    const RunOutput one = Shell("$MTCLEAN " + command + " --jobs 1 " + articles);
    const RunOutput four = Shell("$MTCLEAN " + command + " --jobs 4 " + articles);
    EXPECT_FALSE(one.out.empty()) << command;
    EXPECT_EQ(four.exit_code, one.exit_code) << command;
    EXPECT_EQ(four.out, one.out) << command;
  }
}

}  // namespace
}  // namespace mtclean

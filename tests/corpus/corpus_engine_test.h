// The fixture of the corpus library's tests: one engine for a whole test
// suite (building one compiles the rules), and record cleaners made from
// options.
#ifndef MTCLEAN_TESTS_CORPUS_CORPUS_ENGINE_TEST_H_
#define MTCLEAN_TESTS_CORPUS_CORPUS_ENGINE_TEST_H_

#include <utility>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "mtclean/corpus.h"
#include "mtclean/engine.h"
#include "tests/test_support.h"

namespace mtclean::testing {

class CorpusEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = MakeEngine().release(); }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }

  static RecordCleaner Cleaner(CorpusOptions options = {}) {
    absl::StatusOr<RecordCleaner> cleaner = RecordCleaner::Create(std::move(options));
    EXPECT_TRUE(cleaner.ok()) << cleaner.status();
    return *cleaner;
  }

  static inline const Engine* engine_ = nullptr;
};

}  // namespace mtclean::testing

#endif  // MTCLEAN_TESTS_CORPUS_CORPUS_ENGINE_TEST_H_

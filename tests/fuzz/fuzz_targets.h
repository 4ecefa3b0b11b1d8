// The fuzz targets' checks: each takes arbitrary bytes and returns which
// property of the design they break, or "" when they break none.
#ifndef MTCLEAN_TESTS_FUZZ_FUZZ_TARGETS_H_
#define MTCLEAN_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace mtclean::fuzz {

std::string CheckPipeline(const uint8_t* data, size_t size);
std::string CheckRuleLoader(const uint8_t* data, size_t size);
std::string CheckConfig(const uint8_t* data, size_t size);
std::string CheckJsonRecord(const uint8_t* data, size_t size);

}  // namespace mtclean::fuzz

#endif  // MTCLEAN_TESTS_FUZZ_FUZZ_TARGETS_H_

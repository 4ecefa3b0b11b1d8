// libFuzzer entry point for the whole pipeline (see fuzz_targets.h).
#include <cstdlib>
#include <iostream>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string broken = mtclean::fuzz::CheckPipeline(data, size);
  if (!broken.empty()) {
    std::cerr << "property broken: " << broken << "\n";
    std::abort();
  }
  return 0;
}

// libFuzzer entry point for the JSON Lines record reader (see fuzz_targets.h).
#include <cstdlib>
#include <iostream>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string broken = mtclean::fuzz::CheckJsonRecord(data, size);
  if (!broken.empty()) {
    std::cerr << "property broken: " << broken << "\n";
    std::abort();
  }
  return 0;
}

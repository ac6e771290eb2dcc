// Picks the SLEEF table matching this CPU once, at first use.
#include "vecmath.h"

#include <cstdlib>
#include <string_view>

namespace theano::elemwise::vecmath {

const Table* table_avx2();
const Table* table_avx512();

namespace {

// THEANO_ELEMWISE_ISA=avx2|none caps the choice (for tests and comparisons).
const Table* choose() {
  __builtin_cpu_init();
  const char* cap_env = std::getenv("THEANO_ELEMWISE_ISA");
  std::string_view cap = cap_env ? cap_env : "";
  if (cap == "none") return nullptr;
  if (cap != "avx2" && __builtin_cpu_supports("avx512f")) return table_avx512();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return table_avx2();
  return nullptr;
}

}  // namespace

const Table* table() {
  static const Table* chosen = choose();
  return chosen;
}

const char* isa() {
  return table() ? table()->isa : "none";
}

}  // namespace theano::elemwise::vecmath

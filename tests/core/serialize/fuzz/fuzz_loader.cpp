// libFuzzer target for the saved-function loader: any byte string must
// either parse or fail with a theano::Error (IOError) — never crash, hang,
// leak or throw anything else. Built with clang (-fsanitize=fuzzer,address,
// undefined) from the loader's own sources, so coverage guides the fuzzer
// through them; the rest of the core comes from libtheano_core.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "theano/core/errors.h"
#include "theano/core/init.h"
#include "theano/core/serialize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool ready = (theano::initialize(), true);
  (void)ready;
  try {
    theano::FunctionSpec spec =
        theano::from_json(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    (void)theano::to_json(spec);  // whatever loads must save again
  } catch (const theano::Error&) {
    // A clear refusal: the expected outcome for almost every input.
  } catch (const std::exception& e) {
    std::fprintf(stderr, "loader threw a non-theano exception: %s\n", e.what());
    std::abort();
  }
  return 0;
}

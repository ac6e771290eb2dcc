// Defining a plugin: include this in the one file holding the plugin's
// register function and write
//
//   THEANO_PLUGIN("acme.ops.fft", "1.0.0", register_fft,
//                 THEANO_DEPENDS({"theano.ops.tensor", ">=0.1, <1", 0}))
//
// where `void register_fft(theano::Registrar&)` is the table of contents.
#pragma once

#include <cstdio>
#include <exception>

#include "theano/plugin_api/descriptor.h"
#include "theano/plugin_api/fingerprint.h"
#include "theano/plugin_api/registrar.h"

namespace theano::plugin_detail {

/// Runs a C++ register function behind the C boundary: no exception escapes.
inline int call_register(void (*fn)(Registrar&), void* registrar, char* error,
                         std::size_t error_size) {
  auto fail = [&](const char* what) {
    if (error && error_size) std::snprintf(error, error_size, "%s", what);
    return 1;
  };
  try {
    fn(*static_cast<Registrar*>(registrar));
    return 0;
  } catch (const std::exception& e) {
    return fail(e.what());
  } catch (...) {
    return fail("register function threw a non-standard exception");
  }
}

}  // namespace theano::plugin_detail

#define THEANO_DEPENDS(...) __VA_ARGS__
#define THEANO_NO_DEPENDENCIES

#define THEANO_PLUGIN_IMPL(NAME, VERSION, REGISTER, SHUTDOWN, ...)                          \
  namespace {                                                                               \
  const theano_plugin_dependency theano_plugin_deps_[] = {{nullptr, nullptr, 0},            \
                                                          __VA_ARGS__};                     \
  int theano_plugin_register_(void* registrar, char* error, size_t size) {                  \
    return ::theano::plugin_detail::call_register(&REGISTER, registrar, error, size);       \
  }                                                                                         \
  const theano_plugin_descriptor theano_plugin_descriptor_ = {                              \
      sizeof(theano_plugin_descriptor),                                                     \
      THEANO_PLUGIN_ABI_MAJOR,                                                              \
      THEANO_PLUGIN_ABI_MINOR,                                                              \
      NAME,                                                                                 \
      VERSION,                                                                              \
      THEANO_BUILD_FINGERPRINT,                                                             \
      theano_plugin_deps_ + 1,                                                              \
      static_cast<uint32_t>(sizeof(theano_plugin_deps_) / sizeof(theano_plugin_deps_[0]) - \
                            1),                                                             \
      &theano_plugin_register_,                                                             \
      SHUTDOWN,                                                                             \
      nullptr};                                                                             \
  }

/// Defines the descriptor and exports the entry point. Dependencies are
/// brace-initialised theano_plugin_dependency values, possibly none.
#define THEANO_PLUGIN(NAME, VERSION, REGISTER, ...)                   \
  THEANO_PLUGIN_IMPL(NAME, VERSION, REGISTER, nullptr, __VA_ARGS__)   \
  extern "C" __attribute__((visibility("default"))) const theano_plugin_descriptor* \
  theano_plugin_entry(void) {                                         \
    return &theano_plugin_descriptor_;                                \
  }

/// As THEANO_PLUGIN with a shutdown function `void SHUTDOWN(void)`.
#define THEANO_PLUGIN_WITH_SHUTDOWN(NAME, VERSION, REGISTER, SHUTDOWN, ...) \
  THEANO_PLUGIN_IMPL(NAME, VERSION, REGISTER, &SHUTDOWN, __VA_ARGS__)       \
  extern "C" __attribute__((visibility("default"))) const theano_plugin_descriptor* \
  theano_plugin_entry(void) {                                               \
    return &theano_plugin_descriptor_;                                      \
  }

/// For linking a plugin statically into a test: the same descriptor under a
/// unique C++ name instead of the exported symbol.
#define THEANO_STATIC_PLUGIN(FUNC, NAME, VERSION, REGISTER, ...)    \
  THEANO_PLUGIN_IMPL(NAME, VERSION, REGISTER, nullptr, __VA_ARGS__) \
  const theano_plugin_descriptor* FUNC() { return &theano_plugin_descriptor_; }

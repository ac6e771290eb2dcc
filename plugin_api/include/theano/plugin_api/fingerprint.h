// The build fingerprint: what must agree between host and plugin for them
// to share C++ objects (std::string, std::function, shared_ptr across the
// boundary). Computed from the compiler's own macros at the plugin's build.
#pragma once

#define THEANO_STR2(x) #x
#define THEANO_STR(x) THEANO_STR2(x)

#if defined(__clang__)
#define THEANO_FP_COMPILER "clang-" THEANO_STR(__clang_major__)
#elif defined(__GNUC__)
#define THEANO_FP_COMPILER "gcc-" THEANO_STR(__GNUC__)
#else
#define THEANO_FP_COMPILER "unknown"
#endif

#if defined(_GLIBCXX_USE_CXX11_ABI)
#define THEANO_FP_STDLIB "libstdc++-cxx11abi-" THEANO_STR(_GLIBCXX_USE_CXX11_ABI)
#elif defined(_LIBCPP_VERSION)
#define THEANO_FP_STDLIB "libc++"
#else
#define THEANO_FP_STDLIB "stdlib-unknown"
#endif

#define THEANO_CORE_ABI_VERSION "0.1"

/// "compiler=gcc-12;stdlib=libstdc++-cxx11abi-1;cxx=202002;core=0.1"
#define THEANO_BUILD_FINGERPRINT                                                         \
  "compiler=" THEANO_FP_COMPILER ";stdlib=" THEANO_FP_STDLIB ";cxx=" THEANO_STR(        \
      __cplusplus) ";core=" THEANO_CORE_ABI_VERSION

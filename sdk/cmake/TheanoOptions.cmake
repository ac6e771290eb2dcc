# Build options shared by every target of the tree.
option(THEANO_BUILD_TESTS "Build the GoogleTest suites and benchmarks" ON)
option(THEANO_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(THEANO_TSAN "Build with ThreadSanitizer" OFF)
set(THEANO_WITH_CUDA AUTO CACHE STRING "Build the CUDA backend: AUTO, ON or OFF")
set_property(CACHE THEANO_WITH_CUDA PROPERTY STRINGS AUTO ON OFF)

find_program(THEANO_CCACHE ccache)
if(THEANO_CCACHE)
  set(CMAKE_C_COMPILER_LAUNCHER ${THEANO_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${THEANO_CCACHE})
  set(CMAKE_CUDA_COMPILER_LAUNCHER ${THEANO_CCACHE})
endif()

# Warnings are errors for our own code; applied per target by theano_warnings().
function(theano_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Werror -Wno-missing-field-initializers>)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 at -O3 (Release) reports std::string concatenation as an
    # overlapping memcpy (-Wrestrict, GCC bug 105329): a false positive.
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict>)
  endif()
  if(THEANO_SANITIZE OR THEANO_TSAN)
    # GCC 12's flow analysis under the sanitizers reports std::regex and
    # std::function internals as maybe-uninitialized (false positives).
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Wno-maybe-uninitialized>)
  endif()
endfunction()

if(THEANO_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(THEANO_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

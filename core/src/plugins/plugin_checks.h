// The checks a plugin descriptor must pass before its dependencies are even
// looked at: layout size, ABI version, name, version text and the build
// fingerprint. Each returns the problem as text, or nothing when it passes.
#pragma once

#include <optional>
#include <string>

#include "theano/plugin_api/descriptor.h"

namespace theano {

/// Which fingerprint key differs between plugin and host, with both values,
/// e.g. "compiler differs: plugin 'clang-15', host 'gcc-12'". Keys compared:
/// compiler, stdlib, cxx, core; other keys (cuda, cudnn) are informative.
std::optional<std::string> fingerprint_mismatch(const std::string& plugin_fp,
                                                const std::string& host_fp);

/// Problems with the descriptor itself: struct_size too small, ABI major
/// different or minor newer than the host's, missing name or bad version,
/// missing register function, incompatible fingerprint.
std::optional<std::string> descriptor_problem(const theano_plugin_descriptor& d);

/// "1.0" for the descriptor's ABI fields.
std::string abi_string(const theano_plugin_descriptor& d);

}  // namespace theano

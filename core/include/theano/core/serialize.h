// Saving and loading functions: a function's graph (before optimization,
// with givens applied), its inputs, outputs, updates, shared variables with
// their values, and its mode, as one self-contained JSON file. Loading
// rebuilds every node through the registry (so the plugins providing its
// ops must be loaded) and recompiles. The format is docs/file-format.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "theano/core/function.h"
#include "theano/core/mode.h"

namespace theano {

/// The file format version this build writes. Files of a newer version are
/// refused with an IOError saying which version is needed.
inline constexpr int kFunctionFileVersion = 1;

/// Everything function() needs to build a function: what a file holds.
struct FunctionSpec {
  std::vector<In> inputs;
  std::vector<Out> outputs;
  VarPairs updates;  ///< (shared variable, new value expression)
  Mode mode;
  std::string name;
};

/// The description of a compiled function: its unoptimized graph, so
/// compiling it again gives the same function.
FunctionSpec spec_of(const Function& f);

/// The JSON text of a spec (the file's contents).
std::string to_json(const FunctionSpec& spec);
/// Parses a file's contents. Throws IOError naming `origin` and what is
/// wrong: malformed JSON, a newer version, an unknown op (and the plugin
/// that would provide it), props an op refuses, a type that disagrees with
/// what the op infers, a value that does not fit its declared type.
FunctionSpec from_json(std::string_view text, const std::string& origin = "<memory>");

/// Writes spec_of(f) (or `spec`) to `path` atomically (a temporary file
/// renamed into place, so a failed save never leaves half a file).
void save_function(const Function& f, const std::string& path);
void save_function(const FunctionSpec& spec, const std::string& path);
/// Reads a file written by save_function.
FunctionSpec load_function_spec(const std::string& path);
/// Loads and compiles, in the saved mode unless `mode` is given.
Function load_function(const std::string& path, std::optional<Mode> mode = std::nullopt);
/// Compiles a spec.
Function compile(const FunctionSpec& spec);

}  // namespace theano

// The exception hierarchy. Every error says what went wrong in its first
// line; errors raised while running a node carry that node's context.
#pragma once

#include <source_location>
#include <stdexcept>
#include <string>

namespace theano {

/// Where user code created something: file, line, function.
struct SourceLoc {
  std::string file;
  int line = 0;
  std::string function;

  static SourceLoc from(const std::source_location& loc) {
    return SourceLoc{loc.file_name(), static_cast<int>(loc.line()), loc.function_name()};
  }
  bool known() const { return line > 0; }
  /// "file.cpp:42" or "<unknown>".
  std::string str() const;
};

/// Base of every Theano++ exception.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

#define THEANO_DECLARE_ERROR(Name, Base) \
  class Name : public Base {             \
   public:                               \
    using Base::Base;                    \
  }

THEANO_DECLARE_ERROR(TypeError, Error);           ///< wrong type / dtype / ndim
THEANO_DECLARE_ERROR(ValueError, Error);          ///< bad value: shape, axis, argument
THEANO_DECLARE_ERROR(IndexError, ValueError);     ///< index out of bounds
THEANO_DECLARE_ERROR(IOError, Error);             ///< files: .npy, saved graphs
THEANO_DECLARE_ERROR(MemoryError, Error);         ///< allocation failure
THEANO_DECLARE_ERROR(NotImplementedError, Error); ///< a feature an op does not provide
THEANO_DECLARE_ERROR(ConfigError, Error);         ///< unknown or malformed flag
THEANO_DECLARE_ERROR(PluginError, Error);         ///< plugin refused or registry misuse
THEANO_DECLARE_ERROR(CompileError, Error);        ///< function compilation failed
THEANO_DECLARE_ERROR(InconsistencyError, Error);  ///< a Feature rejected a graph change
THEANO_DECLARE_ERROR(GradientError, Error);       ///< gradient undefined or disconnected
THEANO_DECLARE_ERROR(UnusedInputError, CompileError);

#undef THEANO_DECLARE_ERROR

/// A failure while running one Apply node. `what()` is the full report:
/// the original message, the node, its inputs' types/shapes/strides, its
/// toposort index, where user code built it and a short debugprint.
class NodeError : public Error {
 public:
  NodeError(std::string report, std::string original_message, SourceLoc loc, int toposort_index)
      : Error(std::move(report)),
        original_(std::move(original_message)),
        loc_(std::move(loc)),
        toposort_index_(toposort_index) {}

  const std::string& original_message() const { return original_; }
  const SourceLoc& source_location() const { return loc_; }
  int toposort_index() const { return toposort_index_; }

 private:
  std::string original_;
  SourceLoc loc_;
  int toposort_index_;
};

}  // namespace theano

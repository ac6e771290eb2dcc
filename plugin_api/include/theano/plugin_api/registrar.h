// What a plugin registers, and the per-plugin Registrar it registers through.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "theano/core/device.h"
#include "theano/core/op.h"

namespace theano {

class Linker;
struct LinkerOptions;
class Registry;
namespace optdb {
class Rewriter;
}

/// Example inputs for an op, used by the plugin test harness and
/// `theano check-plugin`: the op is built from `props` and applied to
/// variables of the inputs' types.
struct ExampleCase {
  std::string label;
  Props props;
  std::vector<Value> inputs;
  /// Input types; derived from `inputs` (all dims unknown) when empty.
  std::vector<TypePtr> input_types = {};
  /// Check the gradient numerically (false for non-differentiable cases).
  bool check_grad = true;
};

/// An op's registration: how to build it from props, a one-line doc, examples.
struct OpSchema {
  std::string name;
  std::string doc;
  std::function<OpPtr(const Props&)> from_props;
  std::vector<ExampleCase> examples = {};
  /// Filled in by the registry: the plugin that registered it.
  std::string provider = {};
};

/// A kernel: an implementation of op `op` on devices of kind `device`.
/// `make` may decline a node (dtype unsupported, ...) by returning nullopt;
/// the next kernel by priority is tried, and for the CPU finally `perform`.
struct KernelSpec {
  std::string op;
  std::string device;
  int priority = 0;
  std::string name;
  std::function<std::optional<Thunk>(const Apply&)> make;
  std::string provider = {};
};

/// A rewrite registered into a named optimizer phase with tags.
struct RewriteSpec {
  std::string name;
  std::vector<std::string> tags;
  std::string phase;
  std::shared_ptr<optdb::Rewriter> rewriter;
  /// Order within the phase (lower runs first); ties broken by name.
  double position = 0;
  std::string provider = {};
};

/// A value type a plugin defines (for serialisation and the harness).
struct TypeSpec {
  std::string name;
  std::string doc;
  std::function<TypePtr(const Props&)> from_props;
  std::string provider = {};
};

/// A configuration flag; `choices` empty means any string the validator accepts.
struct ConfigOptionSpec {
  std::string name;  ///< dotted, e.g. "blas.threads"
  std::string default_value;
  std::string doc;
  std::vector<std::string> choices = {};
  /// Throws ConfigError when the text is not acceptable; may be empty.
  std::function<void(const std::string&)> validate = {};
  std::string provider = {};
};

/// A device kind and its memory services.
struct DeviceSpec {
  std::string kind;
  std::shared_ptr<DeviceMemory> memory;
  /// Number of devices present now (0 when the driver finds none).
  std::function<int()> count;
  std::string provider = {};
};

/// A linker by name ("vm", "perform", ...).
struct LinkerSpec {
  std::string name;
  std::function<std::unique_ptr<Linker>(const LinkerOptions&)> make;
  std::string provider = {};
};

/// The per-plugin registration interface. Entries are staged and committed
/// only if the plugin's register function returns normally; a throwing
/// plugin leaves nothing behind.
class Registrar {
 public:
  virtual ~Registrar() = default;
  /// The dotted name of the plugin registering.
  virtual const std::string& plugin_name() const = 0;
  virtual void add_op(OpSchema schema) = 0;
  virtual void add_kernel(KernelSpec kernel) = 0;
  virtual void add_rewrite(RewriteSpec rewrite) = 0;
  virtual void add_type(TypeSpec type) = 0;
  virtual void add_config_option(ConfigOptionSpec option) = 0;
  virtual void add_device(DeviceSpec device) = 0;
  virtual void add_linker(LinkerSpec linker) = 0;
  /// A named object other plugins look up (the CUDA stream, say).
  virtual void add_service(std::string name, std::shared_ptr<void> service) = 0;
  /// Read access to what earlier plugins (dependencies) registered.
  virtual const Registry& registry() const = 0;
};

}  // namespace theano

// Internal: DebugMode's per-node checks, run by the node hooks. `before`
// copies the node's inputs; `after` compares what the chosen kernel did
// with what the op declares and with its reference perform (see
// debug_mode.h for the list of checks).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shape_check.h"
#include "theano/core/linker.h"

namespace theano::debug {

/// Which per-node checks run (from DebugModeOptions / flags).
struct NodeCheckOptions {
  bool perform = true;
  bool destroy_map = true;
  bool view_map = true;
  bool infer_shape = true;
  /// Output-buffer strategies to try: "reused", "strided", "f_contiguous", "wrong_size".
  std::vector<std::string> buffers;
};

/// Throws DebugModeError `check` for `node`: `message` first, then the
/// node's context (make_node_error) with `inputs` as its inputs' values.
[[noreturn]] void fail_check(const std::string& check, const std::string& message,
                             const FunctionGraph* fg, const Apply& node, int position,
                             const std::vector<Value>& inputs, const std::string& rewrite = {});

class NodeChecker {
 public:
  explicit NodeChecker(NodeCheckOptions options) : options_(std::move(options)) {}
  /// Chooses each node's kernel as the linker does and prepares shape checks.
  void prepare(const Program& program);
  void before(int position, const Apply& node, InputRefs inputs) const;
  void after(int position, const Apply& node, InputRefs inputs, OutputRefs outputs) const;

 private:
  struct NodeInfo {
    Thunk kernel;
    std::string kernel_name;
    std::optional<ShapeCheck> shape;
    std::vector<bool> destroyed;               ///< per input
    std::vector<std::vector<bool>> may_alias;  ///< [output][input] declared view or destroy
  };
  struct Run {
    const FunctionGraph* fg;
    const Apply& node;
    int position;
    const NodeInfo& info;
    const std::vector<Value>& before;
  };
  void check_types(const Run& r, OutputRefs outputs) const;
  void check_destroy_map(const Run& r, InputRefs inputs) const;
  void check_view_map(const Run& r, InputRefs inputs, OutputRefs outputs) const;
  void check_perform(const Run& r, OutputRefs outputs) const;
  void check_shapes(const Run& r, OutputRefs outputs) const;
  void check_buffers(const Run& r, OutputRefs outputs) const;

  NodeCheckOptions options_;
  const FunctionGraph* fg_ = nullptr;
  std::vector<NodeInfo> nodes_;
};

}  // namespace theano::debug

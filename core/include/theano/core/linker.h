// Linkers turn a FunctionGraph into something that runs: per-node thunks
// over storage cells, scheduled flat (VMLinker) or naively (PerformLinker).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "theano/core/fgraph.h"
#include "theano/core/op.h"

namespace theano {

class Program;
struct Frame;

/// Called before/after every node by MonitorMode-style hooks and the profiler.
struct NodeHooks {
  std::function<void(int position, const Apply& node, InputRefs inputs)> before;
  std::function<void(int position, const Apply& node, InputRefs inputs, OutputRefs outputs)> after;
  /// Called by Program::run before the first node (inputs and shared values
  /// are in the frame) and after the last one (outputs are); run_end is not
  /// called when a node fails. Used by DebugMode and the profiler.
  std::function<void(const Program& program, Frame& frame)> run_begin;
  std::function<void(const Program& program, Frame& frame)> run_end;
  bool empty() const { return !before && !after && !run_begin && !run_end; }
};

struct LinkerOptions {
  /// Free intermediates after their last use (else keep them so kernels
  /// reuse their buffers next call).
  bool allow_gc = true;
  NodeHooks hooks;
};

/// One compiled node: the node, its thunk and where its values live.
struct LinkedNode {
  Apply* node;
  Thunk thunk;
  const LazyOp* lazy = nullptr;
  std::string kernel_name;   ///< "perform", "make_thunk" or the registered kernel's name
  std::vector<int> inputs;   ///< storage cell of each input
  std::vector<int> outputs;  ///< storage cell of each output
  int refs_offset = 0;       ///< where this node's input then output refs start in a frame
  /// Lazy programs: for each input this node overwrites, the nodes reading
  /// the same storage (directly or through views). If one of them has not
  /// run yet when this node runs, the node gets a private copy instead.
  std::vector<std::pair<int, std::vector<int>>> destroy_guards;
  /// Set on the final steps that overwrite shared storage when their op
  /// can check its inputs first (see PrecheckedOp and commit_begin()).
  const PrecheckedOp* precheck = nullptr;
  /// Commit steps: the shared-variable cells this node overwrites. Before
  /// the first commit step, each gets a private copy if anything beyond
  /// its container and this frame holds the buffer (a concurrent call, a
  /// value the user borrowed), so only the new value's owner sees the write.
  std::vector<int> commit_cells;
};

/// Storage for one execution of a Program: a value cell per variable. A
/// frame is used by one call at a time; concurrent calls use separate frames.
struct Frame {
  std::vector<Value> cells;
  /// Pointers into `cells`, laid out per node (inputs then outputs).
  std::vector<Value*> refs;
  /// Lazy evaluation: whether each cell holds a computed value.
  std::vector<char> computed;
};

/// A runnable program: cells and nodes in schedule order.
class Program {
 public:
  int num_cells() const { return num_cells_; }
  /// Cell holding a graph variable, or -1.
  int cell_of(const Variable* v) const;
  const std::vector<int>& input_cells() const { return input_cells_; }
  const std::vector<int>& output_cells() const { return output_cells_; }
  /// Cells holding constants, filled once in every new frame.
  const std::vector<std::pair<int, Value>>& constant_cells() const { return constant_cells_; }
  /// Cells of shared variables (root, non-input, non-constant): the function
  /// loads them from their containers at each call.
  const std::vector<std::pair<int, Variable*>>& shared_cells() const { return shared_cells_; }
  const std::vector<LinkedNode>& nodes() const { return nodes_; }
  bool lazy() const { return lazy_; }
  const FunctionGraph& fgraph() const { return *fg_; }
  /// Position of the first of the final nodes that overwrite shared
  /// storage (the "commit" steps), or -1. Before it runs, every commit step
  /// with a precheck validates its inputs, so either all of them write or
  /// none does.
  int commit_begin() const { return commit_begin_; }

  /// A frame with constants filled in.
  std::unique_ptr<Frame> new_frame() const;
  /// Computes every output into `frame` (inputs and shared cells filled by
  /// the caller). Throws NodeError on a node failure. With gc on, the
  /// intermediate cells are empty afterwards.
  void run(Frame& frame) const;

 private:
  friend class ProgramBuilder;
  void run_flat(Frame& frame) const;
  void run_lazy(Frame& frame) const;
  void run_node(Frame& frame, std::size_t position) const;
  void run_node_guarded(Frame& frame, std::size_t position) const;
  void precheck_commit(Frame& frame) const;

  const FunctionGraph* fg_ = nullptr;
  int num_cells_ = 0;
  std::unordered_map<const Variable*, int> cell_of_;
  std::vector<int> input_cells_;
  std::vector<int> output_cells_;
  std::vector<std::pair<int, Value>> constant_cells_;
  std::vector<std::pair<int, Variable*>> shared_cells_;
  std::vector<LinkedNode> nodes_;
  std::vector<int> producer_;               ///< cell -> node position producing it, or -1
  std::vector<std::vector<int>> gc_after_;  ///< node position -> cells to free after it
  int num_refs_ = 0;
  bool lazy_ = false;
  bool allow_gc_ = true;
  int commit_begin_ = -1;
  NodeHooks hooks_;
};

class Linker {
 public:
  virtual ~Linker() = default;
  virtual std::string name() const = 0;
  /// Picks a kernel per node (highest priority registered for (op, device),
  /// else perform on the CPU) and builds the program over `fg`, which must
  /// outlive it. A node with no kernel for its device is a CompileError
  /// naming the node and the device.
  virtual std::unique_ptr<Program> link(const FunctionGraph& fg) const = 0;
};

/// Calls perform in toposort order; no lazy evaluation shortcuts, no gc.
std::unique_ptr<Linker> make_perform_linker(const LinkerOptions& options = {});
/// The default: a flat schedule, lazy evaluation for lazy ops, gc of
/// intermediates after their last use when allow_gc.
std::unique_ptr<Linker> make_vm_linker(const LinkerOptions& options = {});
/// A linker by name ("vm", "perform", or one a plugin registered).
std::unique_ptr<Linker> make_linker(const std::string& name, const LinkerOptions& options = {});

/// Builds the thunk for one node: kernel dispatch as the linkers do it.
/// Returns the thunk and the chosen kernel's name.
std::pair<Thunk, std::string> select_kernel(const Apply& node);

/// Builds the full error report for an exception thrown by `node`. With the
/// program and frame, exception_verbosity=high (and any allocation failure)
/// adds the storage map footprint: the largest values alive at the failure.
NodeError make_node_error(const FunctionGraph* fg, const Apply& node, int toposort_index,
                          InputRefs inputs, const std::string& message,
                          const Program* program = nullptr, const Frame* frame = nullptr);

}  // namespace theano

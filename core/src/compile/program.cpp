// Running a Program: a flat loop, or demand-driven when lazy ops are present.
#include <algorithm>
#include "theano/core/linker.h"
#include "theano/core/registry.h"

namespace theano {

int Program::cell_of(const Variable* v) const {
  auto it = cell_of_.find(v);
  return it == cell_of_.end() ? -1 : it->second;
}

std::unique_ptr<Frame> Program::new_frame() const {
  auto f = std::make_unique<Frame>();
  f->cells.resize(num_cells_);
  f->refs.resize(num_refs_);
  for (const auto& n : nodes_) {
    Value** r = f->refs.data() + n.refs_offset;
    for (int c : n.inputs) *r++ = &f->cells[c];
    for (int c : n.outputs) *r++ = &f->cells[c];
  }
  for (const auto& [c, v] : constant_cells_) f->cells[c] = v;
  if (lazy_) f->computed.assign(num_cells_, 0);
  return f;
}

void Program::run(Frame& frame) const {
  if (hooks_.run_begin) hooks_.run_begin(*this, frame);
  if (lazy_)
    run_lazy(frame);
  else
    run_flat(frame);
  if (hooks_.run_end) hooks_.run_end(*this, frame);
}

void Program::run_node(Frame& frame, std::size_t position) const {
  const LinkedNode& n = nodes_[position];
  Value* const* refs = frame.refs.data() + n.refs_offset;
  InputRefs in(refs, n.inputs.size());
  OutputRefs out(refs + n.inputs.size(), n.outputs.size());
  if (hooks_.before) hooks_.before(static_cast<int>(position), *n.node, in);
  try {
    n.thunk(in, out);
  } catch (const NodeError&) {
    throw;
  } catch (const std::exception& e) {
    throw make_node_error(fg_, *n.node, static_cast<int>(position), in, e.what(), this, &frame);
  }
  if (hooks_.after) hooks_.after(static_cast<int>(position), *n.node, in, out);
}

// A destroyer whose storage another node has yet to read (in the lazy
// order) works on a private copy, so the pending reader sees the old value.
void Program::run_node_guarded(Frame& frame, std::size_t position) const {
  const LinkedNode& n = nodes_[position];
  std::vector<std::pair<int, Value>> saved;
  for (const auto& [input, readers] : n.destroy_guards) {
    bool pending = std::any_of(readers.begin(), readers.end(),
                               [&](int q) { return !frame.computed[nodes_[q].outputs.front()]; });
    int c = n.inputs[input];
    if (!pending || std::any_of(saved.begin(), saved.end(), [&](auto& s) { return s.first == c; }))
      continue;
    saved.emplace_back(c, frame.cells[c]);
    frame.cells[c] = frame.cells[c].deep_copy();
  }
  run_node(frame, position);
  for (auto& [c, v] : saved) frame.cells[c] = std::move(v);
}

namespace {

// A shared value's buffer is private to this call when only its container
// and this frame's cell hold it.
void make_private(Value& cell) {
  if (cell.is_array() && cell.array().buffer().use_count() <= 2) return;
  cell = cell.deep_copy();
}

}  // namespace

// Before the first commit step writes, every commit step checks its inputs:
// a failure here leaves all shared storage untouched. Then the storage to
// overwrite is made private to this call.
void Program::precheck_commit(Frame& frame) const {
  for (std::size_t p = static_cast<std::size_t>(commit_begin_); p < nodes_.size(); ++p) {
    const LinkedNode& n = nodes_[p];
    if (!n.precheck) continue;
    InputRefs in(frame.refs.data() + n.refs_offset, n.inputs.size());
    try {
      n.precheck->precheck(*n.node, in);
    } catch (const NodeError&) {
      throw;
    } catch (const std::exception& e) {
      throw make_node_error(fg_, *n.node, static_cast<int>(p), in,
                            std::string(e.what()) + " (found before any shared variable changed)",
                            this, &frame);
    }
  }
  for (std::size_t p = static_cast<std::size_t>(commit_begin_); p < nodes_.size(); ++p)
    for (int c : nodes_[p].commit_cells) make_private(frame.cells[c]);
}

void Program::run_flat(Frame& frame) const {
  for (std::size_t p = 0; p < nodes_.size(); ++p) {
    if (static_cast<int>(p) == commit_begin_) precheck_commit(frame);
    run_node(frame, p);
    for (int c : gc_after_[p]) frame.cells[c].reset();
  }
}

// Demand-driven evaluation (Theano's "stack" VM): start from the outputs,
// compute a node once its needed inputs are computed; a lazy op says which
// inputs it needs, so the branch an ifelse does not take is never run.
void Program::run_lazy(Frame& frame) const {
  auto& done = frame.computed;
  std::fill(done.begin(), done.end(), 0);
  for (int c : input_cells_) done[c] = 1;
  for (const auto& [c, v] : constant_cells_) done[c] = 1;
  for (const auto& [c, v] : shared_cells_) done[c] = 1;
  std::vector<int> stack;
  for (int c : output_cells_)
    if (!done[c] && producer_[c] >= 0) stack.push_back(producer_[c]);
  std::vector<bool> computed_inputs;
  while (!stack.empty()) {
    int p = stack.back();
    const LinkedNode& n = nodes_[p];
    if (done[n.outputs.front()]) {
      stack.pop_back();
      continue;
    }
    std::vector<int> needed;
    if (n.lazy) {
      computed_inputs.assign(n.inputs.size(), false);
      for (std::size_t i = 0; i < n.inputs.size(); ++i) computed_inputs[i] = done[n.inputs[i]] != 0;
      Value* const* refs = frame.refs.data() + n.refs_offset;
      InputRefs in(refs, n.inputs.size());
      OutputRefs out(refs + n.inputs.size(), n.outputs.size());
      try {
        needed = n.lazy->lazy_perform(*n.node, in, computed_inputs, out);
      } catch (const NodeError&) {
        throw;
      } catch (const std::exception& e) {
        throw make_node_error(fg_, *n.node, p, in, e.what(), this, &frame);
      }
      for (int& i : needed) i = n.inputs.at(i);
    } else {
      for (int c : n.inputs)
        if (!done[c]) needed.push_back(c);
      if (needed.empty()) run_node_guarded(frame, p);
    }
    if (needed.empty()) {
      for (int c : n.outputs) done[c] = 1;
      stack.pop_back();
      continue;
    }
    for (int c : needed) {
      if (done[c]) continue;
      if (producer_[c] < 0) throw Error("lazy evaluation: a needed value has no producer");
      stack.push_back(producer_[c]);
    }
  }
  if (allow_gc_) {
    std::vector<char> keep(num_cells_, 0);
    for (int c : input_cells_) keep[c] = 1;
    for (int c : output_cells_) keep[c] = 1;
    for (const auto& [c, v] : constant_cells_) keep[c] = 1;
    for (const auto& [c, v] : shared_cells_) keep[c] = 1;
    for (int c = 0; c < num_cells_; ++c)
      if (!keep[c]) frame.cells[c].reset();
  }
}

std::unique_ptr<Linker> make_linker(const std::string& name, const LinkerOptions& options) {
  if (name == "vm" || name.empty()) return make_vm_linker(options);
  if (name == "perform" || name == "py") return make_perform_linker(options);
  if (const LinkerSpec* spec = Registry::global().find_linker(name)) return spec->make(options);
  throw ConfigError("unknown linker '" + name + "' (built in: vm, perform)");
}

}  // namespace theano

// Building a Program from a FunctionGraph: cells, kernels, gc schedule.
#include "theano/core/linker.h"

#include <algorithm>
#include <unordered_set>

#include "storage_root.h"

namespace theano {

class ProgramBuilder {
 public:
  ProgramBuilder(const FunctionGraph& fg, const LinkerOptions& options, bool perform_only)
      : fg_(fg), options_(options), perform_only_(perform_only) {}

  std::unique_ptr<Program> build() {
    prog_ = std::make_unique<Program>();
    prog_->fg_ = &fg_;
    prog_->allow_gc_ = options_.allow_gc;
    prog_->hooks_ = options_.hooks;
    for (const auto& in : fg_.inputs()) prog_->input_cells_.push_back(cell(in.get()));
    const auto& order = fg_.toposort();
    for (Apply* node : order) add_node(*node);
    for (const auto& out : fg_.outputs()) prog_->output_cells_.push_back(cell(out.get()));
    prog_->producer_.assign(prog_->num_cells_, -1);
    for (std::size_t p = 0; p < prog_->nodes_.size(); ++p)
      for (int c : prog_->nodes_[p].outputs) prog_->producer_[c] = static_cast<int>(p);
    schedule_gc();
    if (prog_->lazy_)
      add_destroy_guards();
    else
      mark_commit_steps();
    return std::move(prog_);
  }

 private:
  int cell(const Variable* v) {
    auto [it, fresh] = prog_->cell_of_.emplace(v, prog_->num_cells_);
    if (!fresh) return it->second;
    int c = prog_->num_cells_++;
    if (!v->owner()) {
      if (auto* k = dynamic_cast<const Constant*>(v))
        prog_->constant_cells_.push_back({c, k->value()});
      else if (v->kind() == Variable::Kind::Shared)
        prog_->shared_cells_.push_back({c, const_cast<Variable*>(v)});
    }
    return c;
  }

  void add_node(Apply& node) {
    LinkedNode ln;
    ln.node = &node;
    for (const auto& in : node.inputs()) ln.inputs.push_back(cell(in.get()));
    for (int k = 0; k < node.nout(); ++k) ln.outputs.push_back(cell(node.out(k)));
    ln.lazy = perform_only_ ? nullptr : node.op().as_lazy();  // the reference runs everything
    if (ln.lazy) prog_->lazy_ = true;
    if (perform_only_ && node.outputs().front()->type()->device().is_cpu()) {
      const Op* op = &node.op();
      const Apply* n = &node;
      ln.thunk = [op, n](InputRefs in, OutputRefs out) { op->perform(*n, in, out); };
      ln.kernel_name = "perform";
    } else {
      auto [thunk, name] = select_kernel(node);
      ln.thunk = std::move(thunk);
      ln.kernel_name = std::move(name);
    }
    ln.refs_offset = prog_->num_refs_;
    prog_->num_refs_ += static_cast<int>(ln.inputs.size() + ln.outputs.size());
    prog_->nodes_.push_back(std::move(ln));
  }

  // The demand-driven (lazy) loop runs nodes in an order of its own, not the
  // toposort in which the DestroyHandler placed every reader of a value
  // before the node that overwrites it. So each destroyer records the other
  // readers of the storage it overwrites: the cells aliasing the destroyed
  // one (its view/destroy root and every view of that root) and their
  // consumers.
  void add_destroy_guards() {
    auto& nodes = prog_->nodes_;
    std::vector<std::vector<int>> consumers(prog_->num_cells_);
    for (std::size_t q = 0; q < nodes.size(); ++q)
      for (int c : nodes[q].inputs) consumers[c].push_back(static_cast<int>(q));
    auto source = [&](int c) {  // the input cell a view/destroy output aliases, or -1
      int p = prog_->producer_[c];
      if (p < 0) return -1;
      const LinkedNode& n = nodes[p];
      int k =
          static_cast<int>(std::find(n.outputs.begin(), n.outputs.end(), c) - n.outputs.begin());
      for (const IOMap& m : {n.node->op().view_map(), n.node->op().destroy_map()})
        for (const auto& [out, ins] : m)
          if (out == k && !ins.empty()) return n.inputs[ins.front()];
      return -1;
    };
    for (std::size_t p = 0; p < nodes.size(); ++p) {
      for (const auto& [out, ins] : nodes[p].node->op().destroy_map()) {
        if (ins.empty()) continue;
        int root = nodes[p].inputs[ins.front()];
        while (source(root) >= 0) root = source(root);
        std::vector<int> aliases{root}, readers;
        for (std::size_t a = 0; a < aliases.size(); ++a) {
          for (int q : consumers[aliases[a]]) {
            if (q == static_cast<int>(p)) continue;
            readers.push_back(q);
            for (int c : nodes[q].outputs)
              if (source(c) == aliases[a]) aliases.push_back(c);
          }
        }
        if (!readers.empty()) nodes[p].destroy_guards.emplace_back(ins.front(), std::move(readers));
      }
    }
  }

  // Whether `node` overwrites the storage of a shared variable (following
  // views and earlier in-place writes back to the root).
  static bool overwrites_shared(const Apply& node) {
    for (const auto& [out, ins] : node.op().destroy_map())
      if (!ins.empty() &&
          storage_root(node.input(ins.front()).get())->kind() == Variable::Kind::Shared)
        return true;
    return false;
  }

  // The DestroyHandler schedules the nodes overwriting shared storage after
  // all others; those at the end of the schedule are the commit steps.
  void mark_commit_steps() {
    auto& nodes = prog_->nodes_;
    std::size_t begin = nodes.size();
    while (begin > 0 && overwrites_shared(*nodes[begin - 1].node)) --begin;
    if (begin == nodes.size()) return;
    prog_->commit_begin_ = static_cast<int>(begin);
    for (std::size_t p = begin; p < nodes.size(); ++p) {
      LinkedNode& n = nodes[p];
      auto* checked = dynamic_cast<const PrecheckedOp*>(&n.node->op());
      if (checked && checked->can_precheck(*n.node)) n.precheck = checked;
      for (const auto& [out, ins] : n.node->op().destroy_map())
        for (int i : ins)
          if (n.node->input(i)->kind() == Variable::Kind::Shared)
            n.commit_cells.push_back(n.inputs[i]);
    }
  }

  // After each node, free the intermediates whose last reader it was. Graph
  // inputs, outputs, constants and shared values are never freed.
  void schedule_gc() {
    prog_->gc_after_.assign(prog_->nodes_.size(), {});
    if (!options_.allow_gc || prog_->lazy_) return;
    std::unordered_set<int> keep(prog_->input_cells_.begin(), prog_->input_cells_.end());
    keep.insert(prog_->output_cells_.begin(), prog_->output_cells_.end());
    for (const auto& [c, v] : prog_->constant_cells_) keep.insert(c);
    for (const auto& [c, v] : prog_->shared_cells_) keep.insert(c);
    std::vector<int> last_use(prog_->num_cells_, -1);
    for (std::size_t p = 0; p < prog_->nodes_.size(); ++p) {
      for (int c : prog_->nodes_[p].inputs) last_use[c] = static_cast<int>(p);
      for (int c : prog_->nodes_[p].outputs)
        if (last_use[c] < static_cast<int>(p))
          last_use[c] = static_cast<int>(p);  // unused outputs die at once
    }
    for (int c = 0; c < prog_->num_cells_; ++c)
      if (!keep.count(c) && last_use[c] >= 0) prog_->gc_after_[last_use[c]].push_back(c);
  }

  const FunctionGraph& fg_;
  LinkerOptions options_;
  bool perform_only_;
  std::unique_ptr<Program> prog_;
};

namespace {

class VMLinker final : public Linker {
 public:
  explicit VMLinker(LinkerOptions options, bool perform_only)
      : options_(std::move(options)), perform_only_(perform_only) {}
  std::string name() const override { return perform_only_ ? "perform" : "vm"; }
  std::unique_ptr<Program> link(const FunctionGraph& fg) const override {
    return ProgramBuilder(fg, options_, perform_only_).build();
  }

 private:
  LinkerOptions options_;
  bool perform_only_;
};

}  // namespace

std::unique_ptr<Linker> make_vm_linker(const LinkerOptions& options) {
  return std::make_unique<VMLinker>(options, false);
}

std::unique_ptr<Linker> make_perform_linker(const LinkerOptions& options) {
  LinkerOptions o = options;
  o.allow_gc = false;
  return std::make_unique<VMLinker>(o, true);
}

}  // namespace theano

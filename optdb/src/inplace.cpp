// InplaceOptimizer: swapping ops for their in-place variants.
//
// Validating every swap with the DestroyHandler costs a whole-graph check
// each, so the pass proves safety itself: nodes are visited in a schedule
// (a toposort honouring the current orderings) and a node may overwrite a
// value only when every other reader of it comes earlier in that schedule.
// The schedule then remains a witness that all reads can run before the
// writes, and one validation at the end confirms it. Shared storage needs a
// global ordering, so those swaps are validated one by one.
#include "theano/optdb/inplace.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "theano/core/errors.h"
#include "theano/optdb/destroy_handler.h"
#include "theano/optdb/session.h"

namespace theano::optdb {

namespace {

bool declares(const Op& op, int output, int input) {
  for (const auto& [o, ins] : op.destroy_map())
    if (o == output && std::find(ins.begin(), ins.end(), input) != ins.end()) return true;
  return false;
}

class InplacePass {
 public:
  InplacePass(FunctionGraph& fg, DestroyHandler& dh, bool validate_each)
      : fg_(fg), dh_(dh), validate_each_(validate_each) {
    for (const auto& [root, d] : dh.destroyed_roots(fg)) destroyed_.insert(root);
  }

  int run() {
    std::vector<Apply*> order = fg_.toposort();
    for (std::size_t i = 0; i < order.size(); ++i) position_[order[i]] = i;
    for (Apply* n : order)
      if (fg_.contains(n)) visit(n);
    return swaps_;
  }

 private:
  void visit(Apply* node) {
    for (bool swapped = true; swapped;) {
      swapped = false;
      auto* cap = dynamic_cast<const InplaceCapable*>(&node->op());
      if (!cap) return;
      IOMap done = node->op().destroy_map();
      for (auto [out, in] : cap->inplace_candidates(*node)) {
        bool taken = false;
        for (const auto& [o, ins] : done)
          taken = taken || o == out || std::find(ins.begin(), ins.end(), in) != ins.end();
        if (taken) continue;
        if (Apply* fresh = try_swap(node, *cap, out, in)) {
          node = fresh;
          swapped = true;
          break;
        }
      }
    }
  }

  // Where the readers of a value sit in the schedule: the two latest
  // positions (distinct readers). A swap keeps its node's position, so this
  // stays true for the whole pass and is computed once per value.
  struct ReaderSpan {
    bool graph_output = false;
    std::size_t last = 0, last_reader = 0, before_last = 0;
    bool has_before_last = false;
  };
  const ReaderSpan& span_of(Variable* root) {
    auto [it, fresh] = spans_.try_emplace(root);
    if (!fresh) return it->second;
    ReaderSpan& s = it->second;
    auto readers = DestroyHandler::readers(fg_, root);
    s.graph_output = readers.graph_output;
    constexpr std::size_t kUnknown = ~std::size_t{0};
    bool any = false;
    for (Apply* r : readers.nodes) {
      auto p = position_.find(r);
      std::size_t pos = p == position_.end() ? kUnknown : p->second;
      if (!any || pos >= s.last) {
        if (any) s.before_last = s.last, s.has_before_last = true;
        s.last = pos;
        any = true;
      } else if (!s.has_before_last || pos > s.before_last) {
        s.before_last = pos;
        s.has_before_last = true;
      }
    }
    return s;
  }

  // The root whose value `node` would overwrite through input `in`, or null
  // when some other reader of that value is not scheduled before `node`.
  Variable* overwritable(Apply* node, int in) {
    Variable* root = DestroyHandler::view_root(node->input(in).get());
    if (!dh_.may_destroy(*root) || destroyed_.count(root)) return nullptr;
    const ReaderSpan& s = span_of(root);
    if (s.graph_output) return nullptr;
    std::size_t mine = position_.at(node);
    // `node` reads the value, so it is the last reader or another one is later.
    if (s.last != mine || (s.has_before_last && s.before_last >= mine)) return nullptr;
    return root;
  }

  Apply* try_swap(Apply* node, const InplaceCapable& cap, int out, int in) {
    Variable* root = overwritable(node, in);
    if (!root) return nullptr;
    OpPtr op = cap.with_inplace(*node, out, in);
    if (!op || !declares(*op, out, in)) return nullptr;
    ApplyPtr fresh = op->make_node(node->inputs());
    if (fresh->nout() != node->nout()) return nullptr;
    std::vector<std::pair<Var, Var>> pairs;
    for (int k = 0; k < node->nout(); ++k) {
      if (!same_type(fresh->out(k)->type(), node->out(k)->type())) return nullptr;
      fresh->out(k)->set_name(node->out(k)->name());
      fresh->out(k)->tag().loc = node->out(k)->tag().loc;
      pairs.emplace_back(node->output(k), fresh->output(k));
    }
    fresh->set_loc(node->loc());
    if (validate_each_ || !root->owner()) {
      try {
        fg_.replace_all_validate(pairs, "inplace_insertion");
      } catch (const InconsistencyError&) {
        return nullptr;
      }
    } else {
      for (const auto& [o, n] : pairs) fg_.replace(o, n, "inplace_insertion");
    }
    position_[fresh.get()] = position_.at(node);
    destroyed_.insert(root);
    ++swaps_;
    return fresh.get();
  }

  FunctionGraph& fg_;
  DestroyHandler& dh_;
  bool validate_each_;
  std::unordered_map<Apply*, std::size_t> position_;
  std::unordered_set<Variable*> destroyed_;
  std::unordered_map<Variable*, ReaderSpan> spans_;
  int swaps_ = 0;
};

}  // namespace

int InplaceOptimizer::apply(FunctionGraph& fg) const {
  DestroyHandler& dh = ensure_destroy_handler(fg);
  if (!fg.get_feature<ChangeTracker>()) fg.attach_feature(std::make_shared<ChangeTracker>());
  auto* tracker = fg.get_feature<ChangeTracker>();
  std::size_t checkpoint = tracker->checkpoint();
  int swaps = InplacePass(fg, dh, false).run();
  if (swaps == 0) return 0;
  try {
    fg.validate();
  } catch (const InconsistencyError&) {
    tracker->revert(fg, checkpoint);  // should not happen; redo carefully
    swaps = InplacePass(fg, dh, true).run();
  }
  if (auto* s = OptimizeSession::of(fg)) s->note_applied(name(), swaps);
  return swaps;
}

}  // namespace theano::optdb

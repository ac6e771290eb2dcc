// Dependency planning in four steps: direct checks (missing, out of range),
// cycle detection, propagation of refusals to dependents (keeping the whole
// chain for the message), and a deterministic topological order.
#include "dependency_plan.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "theano/core/errors.h"
#include "theano/core/plugin_host.h"

namespace theano {
namespace {

struct Refusal {
  std::vector<std::string> chain;  // from the refused node to the root cause
  std::string cause;
  bool propagated = false;  // refused because a dependency cannot load
};

std::string arrow_join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : " -> ") + n;
  return out;
}

std::string range_text(const PlanDependency& d) {
  return d.range.empty() ? "*" : d.range;
}

class Planner {
 public:
  Planner(const std::vector<PlanNode>& nodes, const std::map<std::string, std::string>& unavailable)
      : nodes_(nodes), unavailable_(unavailable) {
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) index_[nodes[i].name] = i;
  }

  LoadPlan run() {
    for (int i = 0; i < size(); ++i) check_direct(i);
    find_cycles();
    propagate();
    return {topological_order(), reasons()};
  }

 private:
  int size() const { return static_cast<int>(nodes_.size()); }
  std::optional<int> find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? std::nullopt : std::optional<int>(it->second);
  }

  void refuse(int i, std::vector<std::string> chain, std::string cause, bool propagated = false) {
    if (!refused_.count(i)) refused_[i] = Refusal{std::move(chain), std::move(cause), propagated};
  }

  void check_direct(int i) {
    const PlanNode& node = nodes_[i];
    for (const PlanDependency& d : node.deps) {
      std::vector<std::string> chain{node.name, d.name};
      std::optional<int> dep = find(d.name);
      if (!dep) {
        if (d.optional) continue;
        auto why = unavailable_.find(d.name);
        refuse(i, chain,
               why == unavailable_.end()
                   ? "missing dependency '" + d.name + "' (" + range_text(d) + "): not found"
                   : "dependency '" + d.name + "' was refused: " + why->second);
        continue;
      }
      try {
        if (!d.range.empty() && !version_satisfies(nodes_[*dep].version, d.range)) {
          refuse(i, chain,
                 "dependency '" + d.name + "' version " + nodes_[*dep].version +
                     " is out of the required range '" + d.range + "'");
        }
      } catch (const ValueError& e) {
        refuse(i, chain, "dependency '" + d.name + "' has a malformed version range: " + e.what());
      }
    }
  }

  /// Edges to present dependencies (optional ones included: they order the load).
  std::vector<int> edges(int i) const {
    std::vector<int> out;
    for (const PlanDependency& d : nodes_[i].deps) {
      if (auto dep = find(d.name)) out.push_back(*dep);
    }
    return out;
  }

  void find_cycles() {
    std::vector<int> color(size(), 0);  // 0 new, 1 on the stack, 2 done
    std::vector<int> stack;
    std::function<void(int)> visit = [&](int i) {
      color[i] = 1;
      stack.push_back(i);
      for (int dep : edges(i)) {
        if (refused_.count(dep)) continue;
        if (color[dep] == 1) {
          refuse_cycle(stack, dep);
        } else if (color[dep] == 0) {
          visit(dep);
        }
      }
      stack.pop_back();
      color[i] = 2;
    };
    for (int i = 0; i < size(); ++i) {
      if (color[i] == 0 && !refused_.count(i)) visit(i);
    }
  }

  void refuse_cycle(const std::vector<int>& stack, int start) {
    std::vector<std::string> cycle;
    auto it = std::find(stack.begin(), stack.end(), start);
    for (; it != stack.end(); ++it) cycle.push_back(nodes_[*it].name);
    cycle.push_back(nodes_[start].name);
    std::string cause = "dependency cycle: " + arrow_join(cycle);
    for (std::size_t k = 0; k + 1 < cycle.size(); ++k) refuse(index_.at(cycle[k]), {}, cause);
  }

  void propagate() {
    for (bool changed = true; changed;) {
      changed = false;
      for (int i = 0; i < size(); ++i) {
        if (refused_.count(i)) continue;
        for (const PlanDependency& d : nodes_[i].deps) {
          auto dep = find(d.name);
          if (!dep || d.optional || !refused_.count(*dep)) continue;
          std::vector<std::string> chain{nodes_[i].name};
          const Refusal& root = refused_.at(*dep);
          if (root.chain.empty()) {
            chain.push_back(d.name);
          } else {
            chain.insert(chain.end(), root.chain.begin(), root.chain.end());
          }
          refuse(i, chain, root.cause, true);
          changed = true;
          break;
        }
      }
    }
  }

  std::vector<int> topological_order() const {
    std::vector<int> order;
    std::vector<bool> placed(size(), false);
    for (bool progress = true; progress;) {
      progress = false;
      for (int i = 0; i < size(); ++i) {
        if (placed[i] || refused_.count(i)) continue;
        bool ready = true;
        for (int dep : edges(i)) ready = ready && (placed[dep] || refused_.count(dep));
        if (!ready) continue;
        placed[i] = true;
        order.push_back(i);
        progress = true;
      }
    }
    return order;
  }

  std::map<int, std::string> reasons() const {
    std::map<int, std::string> out;
    for (const auto& [i, r] : refused_) {
      if (!r.propagated) {
        out[i] = r.cause + (r.chain.empty() ? "" : " (chain: " + arrow_join(r.chain) + ")");
      } else {
        out[i] = "depends on '" + r.chain[1] +
                 "', which cannot load (chain: " + arrow_join(r.chain) + "): " + r.cause;
      }
    }
    return out;
  }

  const std::vector<PlanNode>& nodes_;
  const std::map<std::string, std::string>& unavailable_;
  std::map<std::string, int> index_;
  std::map<int, Refusal> refused_;
};

}  // namespace

LoadPlan plan_load_order(const std::vector<PlanNode>& nodes,
                         const std::map<std::string, std::string>& unavailable) {
  return Planner(nodes, unavailable).run();
}

}  // namespace theano

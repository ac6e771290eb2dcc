// Ordering plugins by their dependencies: which plugins can load (all
// required dependencies present, in range and loadable, no cycle) and in
// which order (dependencies first). Pure logic over names and versions, so
// it is tested without any shared library.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace theano {

struct PlanDependency {
  std::string name;
  std::string range;  ///< version range; empty means any
  bool optional = false;
};

struct PlanNode {
  std::string name;
  std::string version;
  std::vector<PlanDependency> deps;
};

struct LoadPlan {
  /// Indices into the nodes, dependencies before their dependents.
  std::vector<int> order;
  /// Index -> why the node cannot load: the chain of names from the node to
  /// the root cause ("c -> b -> a") and that cause.
  std::map<int, std::string> refused;
};

/// Plans the load. `unavailable` names plugins found but refused earlier
/// (bad ABI, excluded...) with the reason, so dependents can say why. An
/// optional dependency that is absent or refused is ignored; one that is
/// present with a version out of range refuses the dependent like a required one.
LoadPlan plan_load_order(const std::vector<PlanNode>& nodes,
                         const std::map<std::string, std::string>& unavailable);

}  // namespace theano

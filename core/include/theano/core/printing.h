// debugprint: the textual view of graphs, in Theano's layout.
#pragma once

#include <string>
#include <vector>

#include "theano/core/graph.h"

namespace theano {

class FunctionGraph;
class Function;

struct DebugPrintOptions {
  /// Print each variable's type after the node.
  bool print_type = false;
  /// Levels to descend (-1: all).
  int depth = -1;
  /// "CHAR" (A, B, ... AA), "int", or "" for no ids.
  std::string ids = "CHAR";
  /// Mark outputs with their destroy/view maps.
  bool print_destroy_map = false;
  bool print_view_map = false;
  /// Stop descending at named variables.
  bool stop_on_name = false;
};

/// Every output's tree:  Elemwise{add,no_inplace} [id A] ''
///                        |x [id B]
std::string debugprint(const std::vector<Var>& outputs, const DebugPrintOptions& options = {});
std::string debugprint(const Var& output, const DebugPrintOptions& options = {});
/// As above with each node's toposort index appended.
std::string debugprint(const FunctionGraph& fg, const DebugPrintOptions& options = {});
/// The optimized graph of a compiled function.
std::string debugprint(const Function& f, const DebugPrintOptions& options = {});

/// A one-line description of a node: "Elemwise{add,no_inplace}(x, y)".
std::string node_str(const Apply& node);
/// Graphviz dot of the graph computing `outputs` (pydotprint's view):
/// boxes for nodes (op display), ellipses for variables (name, type and
/// static shape), green for inputs, grey for constants, blue for shared
/// variables, red for outputs. Renders with `dot -Tpng`.
std::string graphviz_dot(const std::vector<Var>& outputs);

/// Infix-ish one line for a variable: "add(x, mul(2, y))" (Theano's pp, simplified).
std::string pprint(const Var& v);

}  // namespace theano

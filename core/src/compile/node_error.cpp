// The report attached to an exception raised while running a node.
#include <sstream>

#include "theano/core/config.h"
#include "theano/core/linker.h"
#include "theano/core/printing.h"

namespace theano {

namespace {

std::string strides_str(const NDArray& a) {
  std::string s = "(";
  for (int i = 0; i < a.ndim(); ++i) s += (i ? ", " : "") + std::to_string(a.strides()[i]);
  return s + (a.ndim() == 1 ? ",)" : ")");
}

void describe_inputs(std::ostream& os, const Apply& node, InputRefs inputs) {
  std::string types, shapes, strides, values;
  for (int i = 0; i < node.nin(); ++i) {
    std::string sep = i ? ", " : "";
    types += sep + node.input(i)->type()->str();
    const Value* v = i < static_cast<int>(inputs.size()) ? &inputs[i] : nullptr;
    if (v && v->is_array()) {
      const NDArray& a = v->array();
      shapes += sep + shape_str(a.shape());
      strides += sep + strides_str(a);
      values += sep + (a.size() <= 10 ? a.str() : std::string("not shown"));
    } else {
      std::string s = v && !v->empty() ? v->summary() : "not computed";
      shapes += sep + s;
      strides += sep + s;
      values += sep + s;
    }
  }
  os << "Inputs types: [" << types << "]\n"
     << "Inputs shapes: [" << shapes << "]\n"
     << "Inputs strides: [" << strides << "]\n"
     << "Inputs values: [" << values << "]\n";
}

}  // namespace

NodeError make_node_error(const FunctionGraph* fg, const Apply& node, int toposort_index,
                          InputRefs inputs, const std::string& message) {
  std::ostringstream os;
  os << message << "\n"
     << "Apply node that caused the error: " << node_str(node) << "\n"
     << "Toposort index: " << toposort_index << "\n";
  describe_inputs(os, node, inputs);
  if (fg) {
    std::string clients;
    for (int k = 0; k < node.nout(); ++k)
      for (const Client& c : fg->clients(node.out(k)))
        clients += (clients.empty() ? "" : ", ") + (c.node ? node_str(*c.node) : std::string("output"));
    os << "Outputs clients: [" << clients << "]\n";
  }
  if (node.loc().known()) {
    os << "Node built at: " << node.loc().str() << " (in " << node.loc().function << ")\n";
  } else {
    os << "HINT: the node was created by a rewrite; compile with optimizer=None (mode NO_OPT) to see "
          "the user line that built the original node.\n";
  }
  DebugPrintOptions dp;
  dp.print_type = true;
  dp.depth = Config::global().get("exception_verbosity") == "high" ? -1 : 2;
  os << "Debugprint of the apply node:\n" << debugprint(node.outputs(), dp);
  return NodeError(os.str(), message, node.loc(), toposort_index);
}

}  // namespace theano

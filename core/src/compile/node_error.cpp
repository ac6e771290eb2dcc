// The report attached to an exception raised while running a node.
#include <exception>
#include <sstream>

#include "theano/core/config.h"
#include "theano/core/debug/value_report.h"
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

// True inside a catch block handling a MemoryError (an allocation failed).
bool handling_memory_error() {
  try {
    if (std::exception_ptr e = std::current_exception()) std::rethrow_exception(e);
  } catch (const MemoryError&) {
    return true;
  } catch (...) {
  }
  return false;
}

// The largest values alive: all of them with exception_verbosity=high, the
// top few after an allocation failure, nothing otherwise.
void describe_storage(std::ostream& os, const Program* program, const Frame* frame, bool high) {
  if (!program || !frame) return;
  bool oom = handling_memory_error();
  if (!high && !oom) return;
  debug::StorageFootprint fp = debug::storage_footprint(*program, *frame);
  os << debug::format_footprint(fp, high ? fp.entries.size() : 5);
  if (!high) os << "HINT: exception_verbosity=high lists every value alive.\n";
}

}  // namespace

NodeError make_node_error(const FunctionGraph* fg, const Apply& node, int toposort_index,
                          InputRefs inputs, const std::string& message, const Program* program,
                          const Frame* frame) {
  std::ostringstream os;
  os << message << "\n"
     << "Apply node that caused the error: " << node_str(node) << "\n"
     << (toposort_index >= 0
             ? "Toposort index: " + std::to_string(toposort_index)
             : std::string("Toposort index: none (the node is not in the compiled graph)"))
     << "\n";
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
  bool high = Config::global().get("exception_verbosity") == "high";
  DebugPrintOptions dp;
  dp.print_type = true;
  dp.depth = high ? -1 : 2;
  os << "Debugprint of the apply node:\n" << debugprint(node.outputs(), dp);
  describe_storage(os, program, frame, high);
  return NodeError(os.str(), message, node.loc(), toposort_index);
}

}  // namespace theano

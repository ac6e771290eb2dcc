// Composite: construction checks, printing and C expression.
#include "composite.h"

#include <map>
#include <set>

#include "basic_op.h"

namespace theano::elemwise {

const ScalarOp& scalar_op_of(const Apply& node) {
  const auto* op = dynamic_cast<const ScalarOp*>(&node.op());
  if (!op) throw TypeError("Composite: inner node " + node.op().display() + " is not a scalar op");
  return *op;
}

DType scalar_dtype(const Variable& v) {
  if (auto st = as_scalar_type(v.type())) return st->dtype();
  if (auto tt = as_tensor_type(v.type()); tt && tt->ndim() == 0) return tt->dtype();
  throw TypeError("Composite: inner variable " + v.str() + " has type " + v.type()->str() +
                  ", expected a ScalarType");
}

CompositeOp::CompositeOp(std::shared_ptr<const FunctionGraph> graph) : graph_(std::move(graph)) {
  if (!graph_) throw ValueError("Composite: null inner graph");
  for (const Apply* node : graph_->toposort()) scalar_op_of(*node);
  for (const auto& v : graph_->inputs()) in_dtypes_.push_back(scalar_dtype(*v));
  for (const auto& v : graph_->outputs()) out_dtypes_.push_back(scalar_dtype(*v));
  if (out_dtypes_.empty()) throw ValueError("Composite: the inner graph has no outputs");
}

std::vector<DType> CompositeOp::output_dtypes(const std::vector<DType>& in) const {
  if (in != in_dtypes_) {
    throw TypeError("Composite: built for inputs " + dtype_list_str(in_dtypes_) + ", got " +
                    dtype_list_str(in));
  }
  return out_dtypes_;
}

LoopSignature CompositeOp::loop_signature(const std::vector<DType>& in) const {
  output_dtypes(in);
  return LoopSignature{in_dtypes_, out_dtypes_};
}

namespace {

std::string infix_symbol(const std::string& name) {
  static const std::map<std::string, std::string> ops = {
      {"add", "+"},  {"sub", "-"}, {"mul", "*"}, {"true_div", "/"}, {"int_div", "//"}, {"mod", "%"},
      {"pow", "**"}, {"lt", "<"},  {"gt", ">"},  {"le", "<="},      {"ge", ">="},      {"eq", "=="},
      {"neq", "!="}, {"and", "&"}, {"or", "|"},  {"xor", "^"}};
  auto it = ops.find(name);
  return it == ops.end() ? std::string() : it->second;
}

class Printer {
 public:
  explicit Printer(const FunctionGraph& g) {
    for (std::size_t i = 0; i < g.inputs().size(); ++i)
      names_[g.inputs()[i].get()] = "i" + std::to_string(i);
  }
  std::string print(const Variable* v) {
    if (auto it = names_.find(v); it != names_.end()) return it->second;
    if (const auto* c = dynamic_cast<const Constant*>(v)) return c->value().array().str();
    const Apply* node = v->owner();
    if (!node) return v->str();
    const ScalarOp& op = scalar_op_of(*node);
    std::vector<std::string> args;
    for (const auto& in : node->inputs()) args.push_back(print(in.get()));
    std::string sym = infix_symbol(op.scalar_name());
    std::string s;
    if (!sym.empty() && args.size() >= 2) {
      for (std::size_t i = 0; i < args.size(); ++i) s += (i ? " " + sym + " " : "") + args[i];
      s = "(" + s + ")";
    } else if (op.scalar_name() == "neg") {
      s = "(-" + args[0] + ")";
    } else {
      s = op.display() + "(";
      for (std::size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + args[i];
      s += ")";
    }
    if (node->nout() > 1) s += "[" + std::to_string(v->index()) + "]";
    return s;
  }

 private:
  std::map<const Variable*, std::string> names_;
};

}  // namespace

std::string CompositeOp::expression() const {
  Printer p(*graph_);
  std::string s;
  for (std::size_t k = 0; k < graph_->outputs().size(); ++k)
    s += (k ? ", " : "") + p.print(graph_->outputs()[k].get());
  return s;
}

std::string CompositeOp::display() const {
  return "Composite{" + expression() + "}";
}

std::string CompositeOp::c_expr(const LoopSignature& sig,
                                const std::vector<std::string>& args) const {
  if (graph_->outputs().size() != 1) return {};
  auto plain = [](DType d) { return !is_complex(d) && d != DType::Float16; };
  std::map<const Variable*, std::string> names;
  for (std::size_t i = 0; i < graph_->inputs().size(); ++i) {
    if (!plain(sig.in[i])) return {};
    names[graph_->inputs()[i].get()] = "(" + args[i] + ")";
  }
  std::string body;
  int tmp = 0;
  auto name_of = [&](const Var& v) -> std::string {
    if (auto it = names.find(v.get()); it != names.end()) return it->second;
    if (const auto* c = dynamic_cast<const Constant*>(v.get())) {
      DType d = scalar_dtype(*c);
      std::string lit = c->value().array().str();
      return "((" + ctype(d) + ")" + (d == DType::Bool ? (lit == "True" ? "1" : "0") : lit) + ")";
    }
    return {};
  };
  for (const Apply* node : graph_->toposort()) {
    const ScalarOp& op = scalar_op_of(*node);
    if (node->nout() != 1) return {};
    std::vector<DType> in_d;
    for (const auto& in : node->inputs()) in_d.push_back(scalar_dtype(*in));
    LoopSignature s = op.loop_signature(in_d);
    std::vector<std::string> a;
    for (int i = 0; i < node->nin(); ++i) {
      std::string n = name_of(node->input(i));
      if (n.empty() || !plain(in_d[i]) || !plain(s.in[i])) return {};
      a.push_back(in_d[i] == s.in[i] ? n : "((" + ctype(s.in[i]) + ")" + n + ")");
    }
    std::string e = op.c_expr(s, a);
    DType out_d = scalar_dtype(*node->out(0));
    if (e.empty() || !plain(out_d) || !plain(s.out[0])) return {};
    std::string t = "t" + std::to_string(tmp++);
    body += "const " + ctype(out_d) + " " + t + " = (" + ctype(out_d) + ")(" + e + "); ";
    names[node->out(0)] = t;
  }
  std::string result = name_of(graph_->outputs()[0]);
  if (result.empty() || !plain(sig.out[0])) return {};
  return "([&]() -> " + ctype(sig.out[0]) + " { " + body + "return " + result + "; }())";
}

std::string CompositeOp::c_support_code() const {
  std::set<std::string> seen;
  std::string code;
  for (const Apply* node : graph_->toposort()) {
    std::string s = scalar_op_of(*node).c_support_code();
    if (!s.empty() && seen.insert(s).second) code += s;
  }
  return code;
}

}  // namespace theano::elemwise

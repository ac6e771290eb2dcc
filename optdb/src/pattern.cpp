// PatternSub: matching input patterns and building output patterns.
#include "theano/optdb/pattern.h"

#include <sstream>

#include "theano/core/errors.h"
#include "theano/core/registry.h"

namespace theano::optdb {

Pattern Pattern::var(std::string name, Constraint constraint) {
  Pattern p;
  p.kind_ = Kind::Variable;
  p.name_ = std::move(name);
  p.constraint_ = std::move(constraint);
  return p;
}

Pattern Pattern::op(std::string op_name, std::vector<Pattern> args) {
  return op(std::move(op_name), Props{}, std::move(args));
}

Pattern Pattern::op(std::string op_name, Props props, std::vector<Pattern> args) {
  Pattern p;
  p.kind_ = Kind::Apply;
  p.name_ = std::move(op_name);
  p.props_ = std::move(props);
  p.args_ = std::move(args);
  return p;
}

Pattern Pattern::constant(double value) {
  Pattern p;
  p.kind_ = Kind::Constant;
  p.value_ = value;
  return p;
}

Pattern Pattern::commutative() const {
  if (kind_ != Kind::Apply || args_.size() != 2) {
    throw ValueError("pattern " + str() + ": only a two-argument op pattern can be commutative");
  }
  Pattern p = *this;
  p.commutative_ = true;
  return p;
}

std::string Pattern::str() const {
  std::ostringstream os;
  switch (kind_) {
    case Kind::Variable:
      return name_;
    case Kind::Constant:
      os << value_;
      return os.str();
    case Kind::Apply:
      os << name_;
      if (!props_.empty()) os << "{" << props_.str() << "}";
      os << "(";
      for (std::size_t i = 0; i < args_.size(); ++i) os << (i ? ", " : "") << args_[i].str();
      os << ")";
      return os.str();
  }
  return {};
}

namespace {

bool all_elements_equal(const Variable& v, double value) {
  const Value& val = static_cast<const Constant&>(v).value();
  if (!val.is_array() || val.array().size() == 0) return false;
  for (double x : val.array().to_vector<double>())
    if (x != value) return false;
  return true;
}

bool props_include(const Op& op, const Props& wanted) {
  if (wanted.empty()) return true;
  Props have = op.props();
  for (const auto& [k, v] : wanted.items())
    if (!have.contains(k) || !(have.get(k) == v)) return false;
  return true;
}

bool same_binding(const Var& a, const Var& b) {
  if (a == b) return true;
  auto* ca = dynamic_cast<const Constant*>(a.get());
  auto* cb = dynamic_cast<const Constant*>(b.get());
  return ca && cb && ca->equals(*cb);
}

bool match(const FunctionGraph& fg, const Pattern& p, const Var& v, Bindings& b, bool root,
           bool multi) {
  switch (p.kind()) {
    case Pattern::Kind::Variable: {
      auto it = b.find(p.name());
      if (it != b.end()) return same_binding(it->second, v);
      if (p.constraint() && !p.constraint()(v)) return false;
      b.emplace(p.name(), v);
      return true;
    }
    case Pattern::Kind::Constant:
      return v->kind() == Variable::Kind::Constant && all_elements_equal(*v, p.value());
    case Pattern::Kind::Apply:
      break;
  }
  Apply* node = v->owner();
  if (!node || v->index() != 0 || node->op().name() != p.name()) return false;
  if (node->nin() != static_cast<int>(p.args().size())) return false;
  if (!root && !multi && fg.clients(v.get()).size() > 1) return false;
  if (!props_include(node->op(), p.props())) return false;
  auto match_args = [&](int first, int second) {
    Bindings trial = b;
    for (int i = 0; i < node->nin(); ++i) {
      int src = i == 0 ? first : i == 1 ? second : i;
      if (!match(fg, p.args()[i], node->input(src), trial, false, multi)) return false;
    }
    b = std::move(trial);
    return true;
  };
  return match_args(0, 1) || (p.is_commutative() && match_args(1, 0));
}

Var build(const Pattern& p, const Bindings& b, const Apply& root) {
  switch (p.kind()) {
    case Pattern::Kind::Variable: {
      auto it = b.find(p.name());
      if (it == b.end()) {
        throw CompileError("output pattern uses the variable '" + p.name() +
                           "', which the input pattern does not bind");
      }
      return it->second;
    }
    case Pattern::Kind::Constant: {
      auto tt = as_tensor_type(root.out(0)->type());
      DType dtype = tt ? tt->dtype() : DType::Float64;
      return Constant::make(TensorType::make(dtype, StaticShape{}),
                            Value(NDArray::full(dtype, {}, p.value())));
    }
    case Pattern::Kind::Apply:
      break;
  }
  std::vector<Var> args;
  for (const auto& a : p.args()) args.push_back(build(a, b, root));
  OpPtr op = Registry::global().make_op(p.name(), p.props());
  return op->make_node(std::move(args))->output(0);
}

}  // namespace

std::optional<Bindings> match_pattern(const FunctionGraph& fg, const Pattern& pattern, const Var& v,
                                      bool allow_multiple_clients) {
  Bindings b;
  if (!match(fg, pattern, v, b, true, allow_multiple_clients)) return std::nullopt;
  return b;
}

PatternSub::PatternSub(std::string name, Pattern in, Pattern out, bool allow_multiple_clients)
    : name_(std::move(name)),
      in_(std::move(in)),
      out_(std::move(out)),
      allow_multiple_clients_(allow_multiple_clients) {
  if (in_.kind() != Pattern::Kind::Apply) {
    throw ValueError("PatternSub '" + name_ + "': the input pattern " + in_.str() +
                     " must be an op pattern");
  }
}

std::optional<std::vector<Var>> PatternSub::transform(FunctionGraph& fg, Apply& node) const {
  if (node.nout() != 1) return std::nullopt;
  auto b = match_pattern(fg, in_, node.output(0), allow_multiple_clients_);
  if (!b) return std::nullopt;
  Var out = build(out_, *b, node);
  if (!same_type(out->type(), node.out(0)->type())) return std::nullopt;
  return std::vector<Var>{out};
}

}  // namespace theano::optdb

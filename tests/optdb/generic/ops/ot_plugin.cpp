// The test plugin's registration table, the graph-building helpers, and a
// few rewrites registered into the standard phases for the database tests:
//   ot_log1p       stabilize     fast_run, ot          log(1 + x) -> log1p(x)
//   ot_neg_neg     canonicalize  fast_run, ot          neg(neg(x)) -> x
//   ot_exp_log     specialize    ot_optional           exp(log(x)) -> x (not in fast_run)
#include <mutex>

#include "ot_ops_impl.h"
#include "theano/core/init.h"
#include "theano/core/registry.h"
#include "theano/optdb/pattern.h"
#include "theano/plugin_api/plugin.h"

namespace ot {

namespace {

using namespace theano;
using optdb::P;

const char* const kFns[] = {"Add", "Sub", "Mul", "Div", "Neg", "Log", "Exp", "Log1p"};

void register_test_ops(Registrar& r) {
  for (const char* fn : kFns) {
    std::string f = fn;
    r.add_op({"OT" + f, "test elementwise " + f, [f](const Props& p) {
                int inplace = p.contains("inplace")
                                  ? static_cast<int>(p.get_as<std::int64_t>("inplace"))
                                  : -1;
                return OpPtr(std::make_shared<ElemOp>(f, inplace));
              }});
  }
  r.add_op(
      {"OTSum", "test sum to 0-d", [](const Props&) { return OpPtr(std::make_shared<SumOp>()); }});
  r.add_op({"OTFill", "test fill", [](const Props&) { return OpPtr(std::make_shared<FillOp>()); }});
  Props none{{"inplace", -1}};
  r.add_rewrite({"ot_log1p",
                 {"fast_run", "ot"},
                 "stabilize",
                 std::make_shared<optdb::PatternSub>(
                     "ot_log1p",
                     P::op("OTLog", none,
                           {P::op("OTAdd", none, {P::constant(1), P::var("x")}).commutative()}),
                     P::op("OTLog1p", none, {P::var("x")})),
                 0});
  r.add_rewrite({"ot_neg_neg",
                 {"fast_run", "ot"},
                 "canonicalize",
                 std::make_shared<optdb::PatternSub>(
                     "ot_neg_neg", P::op("OTNeg", {P::op("OTNeg", {P::var("x")})}), P::var("x")),
                 0});
  r.add_rewrite({"ot_exp_log",
                 {"ot_optional"},
                 "specialize",
                 std::make_shared<optdb::PatternSub>(
                     "ot_exp_log", P::op("OTExp", {P::op("OTLog", {P::var("x")})}), P::var("x")),
                 0});
}

}  // namespace

THEANO_STATIC_PLUGIN(plugin, "theano.test.optdb_ops", "0.1.0", register_test_ops)

void init() {
  static std::once_flag once;
  std::call_once(once, [] {
    InitOptions o;
    o.static_plugins = {plugin()};
    o.search_path = false;
    initialize(o);
  });
}

OpPtr op(const std::string& fn, int inplace) {
  if (fn == "Sum") return std::make_shared<SumOp>();
  if (fn == "Fill") return std::make_shared<FillOp>();
  return std::make_shared<ElemOp>(fn, inplace);
}

Var apply(const std::string& fn, const std::vector<Var>& inputs, int inplace) {
  return op(fn, inplace)->make_node(inputs)->output(0);
}

Var add(const Var& a, const Var& b) {
  return apply("Add", {a, b});
}
Var sub(const Var& a, const Var& b) {
  return apply("Sub", {a, b});
}
Var mul(const Var& a, const Var& b) {
  return apply("Mul", {a, b});
}
Var div(const Var& a, const Var& b) {
  return apply("Div", {a, b});
}
Var neg(const Var& a) {
  return apply("Neg", {a});
}
Var log(const Var& a) {
  return apply("Log", {a});
}
Var exp(const Var& a) {
  return apply("Exp", {a});
}
Var log1p(const Var& a) {
  return apply("Log1p", {a});
}
Var sum(const Var& a) {
  return apply("Sum", {a});
}
Var fill(const Var& value0d, const Var& like) {
  return apply("Fill", {value0d, like});
}
Var add_inplace(const Var& a, const Var& b) {
  return apply("Add", {a, b}, 0);
}

Var vector(const std::string& name, std::int64_t n) {
  StaticShape s{n < 0 ? StaticDim{} : StaticDim{n}};
  return Variable::make(TensorType::make(DType::Float64, s), name);
}

Var scalar(const std::string& name) {
  return Variable::make(TensorType::make(DType::Float64, StaticShape{}), name);
}

Var constant(double value) {
  return Constant::make(TensorType::make(DType::Float64, StaticShape{}),
                        Value(NDArray::scalar<double>(value)));
}

Var constant_vector(const std::vector<double>& values) {
  return Constant::make(TensorType::make(DType::Float64, 1), array(values));
}

std::vector<double> values(const Value& v) {
  return v.array().to_vector<double>();
}

Value array(const std::vector<double>& values) {
  return Value(NDArray::from_vector(values, Shape{static_cast<std::int64_t>(values.size())}));
}

}  // namespace ot

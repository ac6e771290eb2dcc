// The cross-entropy written with NumPy indexing, mean(-log(softmax(x))[arange(n), y]),
// in its common spellings: the compiled graph holds the fused
// CrossentropySoftmaxArgmax1HotWithBias and, for the gradient,
// CrossentropySoftmax1HotWithBiasDx instead of the advanced indexing ops; the
// loss and the gradients match NumPy (tests/data/gen/gen_nnet_xent_index.py),
// logits of magnitude 1000 included.
#include "helpers.h"
#include "theano/core/gradient.h"

namespace theano::nnettest {
namespace {

FunctionOptions no_fusion() {
  FunctionOptions o;
  o.mode = Mode::from_config().with_excluding({"fusion"});
  return o;
}

bool has(const std::string& ops, const std::string& what) {
  return ops.find(what) != std::string::npos;
}

/// Lines of `ops` (one op display per line) starting with `prefix`.
int count_starting(const std::string& ops, const std::string& prefix) {
  int n = 0;
  for (std::size_t at = 0; at < ops.size();) {
    if (ops.compare(at, prefix.size(), prefix) == 0) ++n;
    std::size_t next = ops.find('\n', at);
    if (next == std::string::npos) break;
    at = next + 1;
  }
  return n;
}

T::TensorVar rows_of(const T::TensorVar& y) {
  return T::arange(T::shape_i(y, 0));
}

/// A 0-d loss as the (1,) array the golden file holds.
NDArray as_1d(const Value& loss) {
  return loss.array().reshape({1});
}

/// Checks the rewrites fired and the values, for a loss built from logits z = x (+ b).
void check_loss(const std::string& golden_name, const T::TensorVar& x, const T::TensorVar* b,
                const T::TensorVar& y, const T::TensorVar& loss) {
  std::vector<Var> ins{x, y}, params{x};
  if (b) {
    ins.push_back(*b);
    params.push_back(*b);
  }
  std::vector<Var> outs{loss};
  for (const Var& g : grad(loss, params)) outs.push_back(g);
  Function f = compile(ins, outs, no_fusion());
  std::string ops = graph_ops(f);
  EXPECT_TRUE(has(ops, "CrossentropySoftmaxArgmax1HotWithBias")) << ops;
  EXPECT_TRUE(has(ops, "CrossentropySoftmax1HotWithBiasDx")) << ops;
  EXPECT_FALSE(has(ops, "AdvancedSubtensor")) << ops;
  EXPECT_FALSE(has(ops, "AdvancedIncSubtensor")) << ops;
  EXPECT_FALSE(has(ops, "SoftmaxGrad")) << ops;
  // The forward and gradient rewrites build one fused node (its sm output
  // feeds the gradient), with the bias taken out of the logits.
  EXPECT_EQ(count_starting(ops, "CrossentropySoftmaxArgmax1HotWithBias"), 1) << ops;
  EXPECT_EQ(count_starting(ops, "Softmax"), 0) << ops;
  EXPECT_EQ(count_starting(ops, "Elemwise{add"), 0) << ops;

  std::vector<Value> args{golden("xent_index_x"), golden("xent_index_y")};
  if (b) args.push_back(golden("xent_index_b"));
  std::vector<Value> out = f(args);
  EXPECT_TRUE(close(as_1d(out[0]), golden("xent_index_" + golden_name + "_loss"), 1e-12, 1e-12));
  EXPECT_TRUE(close(out[1].array(), golden("xent_index_" + golden_name + "_gx"), 1e-12, 1e-12));
  if (b) {
    EXPECT_TRUE(close(out[2].array(), golden("xent_index_" + golden_name + "_gb"), 1e-12, 1e-12));
  }
}

TEST(XentIndexRewrite, NegLogSoftmaxIndexed) {
  init();
  T::TensorVar x = T::dmatrix("x"), y = T::ivector("y");
  T::TensorVar nll = -T::index(T::log(T::nnet::softmax(x)), {T::Index(rows_of(y)), T::Index(y)});
  check_loss("nobias", x, nullptr, y, T::mean(nll));
}

TEST(XentIndexRewrite, NegationInsideTheIndex) {
  init();
  T::TensorVar x = T::dmatrix("x"), y = T::ivector("y");
  T::TensorVar nll = T::index(-T::log(T::nnet::softmax(x)), {T::Index(rows_of(y)), T::Index(y)});
  check_loss("nobias", x, nullptr, y, T::mean(nll));
}

TEST(XentIndexRewrite, LogSoftmaxIndexedWithRowsOfX) {
  init();
  T::TensorVar x = T::dmatrix("x"), y = T::ivector("y");
  T::TensorVar ls = T::nnet::log_softmax(x);
  T::TensorVar nll = -T::index(ls, {T::Index(T::arange(T::shape_i(x, 0))), T::Index(y)});
  std::vector<Var> outs{T::mean(nll)};
  std::string ops = graph_ops(compile({x, y}, outs, no_fusion()));
  EXPECT_TRUE(has(ops, "CrossentropySoftmaxArgmax1HotWithBias")) << ops;
  EXPECT_FALSE(has(ops, "AdvancedSubtensor")) << ops;
  NDArray got = as_1d(compile({x, y}, outs)({golden("xent_index_x"), golden("xent_index_y")})[0]);
  EXPECT_TRUE(close(got, golden("xent_index_nobias_loss")));
}

TEST(XentIndexRewrite, SoftmaxOfBiasedLogits) {
  init();
  T::TensorVar x = T::dmatrix("x"), b = T::dvector("b"), y = T::ivector("y");
  T::TensorVar sm = T::nnet::softmax(x + b);
  T::TensorVar nll = -T::index(T::log(sm), {T::Index(rows_of(y)), T::Index(y)});
  check_loss("bias", x, &b, y, T::mean(nll));
}

TEST(XentIndexRewrite, RowsOtherThanArangeAreLeftAlone) {
  init();
  T::TensorVar x = T::dmatrix("x"), y = T::ivector("y"), r = T::ivector("r");
  T::TensorVar nll = -T::index(T::log(T::nnet::softmax(x)), {T::Index(r), T::Index(y)});
  std::string ops = graph_ops(compile({x, y, r}, {T::mean(nll)}, no_fusion()));
  EXPECT_TRUE(has(ops, "AdvancedSubtensor")) << ops;
  EXPECT_FALSE(has(ops, "CrossentropySoftmaxArgmax1HotWithBias")) << ops;
  // Rows given explicitly equal to arange still compute the same loss.
  NDArray rows = NDArray::from_values<std::int32_t>({0, 1, 2, 3, 4, 5}, {6});
  NDArray got = as_1d(compile(
      {x, y, r}, {T::mean(nll)})({golden("xent_index_x"), golden("xent_index_y"), rows})[0]);
  EXPECT_TRUE(close(got, golden("xent_index_nobias_loss"), 1e-12, 1e-12));
}

TEST(XentIndexRewrite, Float32ExtremeLogitsStayFinite) {
  init();
  T::TensorVar x = T::fmatrix("x"), y = T::ivector("y");
  T::TensorVar loss =
      T::mean(-T::index(T::log(T::nnet::softmax(x)), {T::Index(rows_of(y)), T::Index(y)}));
  std::vector<Value> out = compile({x, y}, {loss, grad(loss, x)})(
      {golden("xent_index_x").astype(DType::Float32), golden("xent_index_y")});
  EXPECT_TRUE(all_finite(out[0].array()));
  EXPECT_TRUE(all_finite(out[1].array())) << out[1].array().str();
  EXPECT_TRUE(close(as_1d(out[0]), golden("xent_index_nobias_loss"), 1e-5, 1e-5));
  EXPECT_TRUE(close(out[1].array(), golden("xent_index_nobias_gx"), 1e-5, 1e-6));
}

}  // namespace
}  // namespace theano::nnettest

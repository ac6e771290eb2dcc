// The two-level hierarchical softmax against NumPy
// (tests/data/gen/gen_nnet_h_softmax.py): all outputs (the first n_outputs of
// n_classes * n_outputs_per_class) and the target outputs only; every row of
// the full output sums to at most 1 (exactly 1 when nothing is cut off).
#include "theano/tensor/h_softmax.h"
#include "helpers.h"

namespace theano::nnettest {
namespace {

struct Params {
  T::TensorVar x = T::dmatrix("x"), W1 = T::dmatrix("W1"), b1 = T::dvector("b1");
  T::TensorVar W2 = T::dtensor3("W2"), b2 = T::dmatrix("b2");
  std::vector<Var> vars() const { return {x, W1, b1, W2, b2}; }
  static std::vector<Value> values() {
    return {golden("h_softmax_x"), golden("h_softmax_W1"), golden("h_softmax_b1"),
            golden("h_softmax_W2"), golden("h_softmax_b2")};
  }
};

TEST(HSoftmax, AllOutputsMatchNumPy) {
  init();
  Params p;
  T::TensorVar out = T::nnet::h_softmax(p.x, 5, 3, 2, p.W1, p.b1, p.W2, p.b2);
  NDArray got = eval1(p.vars(), out, Params::values());
  EXPECT_TRUE(close(got, golden("h_softmax_all"), 1e-12, 1e-12));
}

TEST(HSoftmax, TargetOutputsMatchNumPy) {
  init();
  Params p;
  T::TensorVar t = T::ivector("t");
  T::TensorVar out = T::nnet::h_softmax(p.x, 5, 3, 2, p.W1, p.b1, p.W2, p.b2, T::Operand(t));
  std::vector<Var> ins = p.vars();
  ins.push_back(t);
  std::vector<Value> args = Params::values();
  args.push_back(golden("h_softmax_target"));
  EXPECT_TRUE(close(eval1(ins, out, args), golden("h_softmax_target_probs"), 1e-12, 1e-12));
}

TEST(HSoftmax, UncutRowsSumToOne) {
  init();
  Params p;
  T::TensorVar out = T::sum(T::nnet::h_softmax(p.x, 6, 3, 2, p.W1, p.b1, p.W2, p.b2), 1);
  NDArray got = eval1(p.vars(), out, Params::values());
  EXPECT_TRUE(close(got, NDArray::full(DType::Float64, {4}, 1.0), 1e-12, 1e-12));
}

TEST(HSoftmax, RejectsTooFewOutputSlots) {
  init();
  Params p;
  EXPECT_THROW(T::nnet::h_softmax(p.x, 7, 3, 2, p.W1, p.b1, p.W2, p.b2), ValueError);
}

}  // namespace
}  // namespace theano::nnettest

// Errors name the Elemwise op even though its display is now made only when
// an error is raised: the runtime broadcast and in-place checks of a linked
// node, a fused Composite's node included (make_node's static check is in
// elemwise_test.cpp).
#include "helpers.h"

namespace theano::testing {
namespace {

std::string runtime_error_of(Function& f, const std::vector<NDArray>& args) {
  try {
    std::vector<Value> values(args.begin(), args.end());
    f(values);
  } catch (const NodeError& e) {
    return e.original_message();
  }
  return "no error";
}

TEST(ElemwiseErrorNames, RuntimeMismatchNamesTheLinkedOp) {
  init();
  auto a = T::fmatrix("a"), b = T::fmatrix("b");
  Function f = function({a, b}, {a * b});
  std::string m = runtime_error_of(
      f, {NDArray::zeros(DType::Float32, {2, 3}), NDArray::zeros(DType::Float32, {2, 4})});
  EXPECT_EQ(m.rfind("Elemwise{mul,no_inplace}: input shapes do not broadcast", 0), 0u) << m;
}

TEST(ElemwiseErrorNames, RuntimeMismatchNamesTheFusedComposite) {
  init();
  auto a = T::fmatrix("a"), b = T::fmatrix("b");
  Function f = function({a, b}, {T::exp(a) * b + a});
  ASSERT_EQ(f.fgraph().size(), 1u);
  std::string m = runtime_error_of(
      f, {NDArray::zeros(DType::Float32, {2, 3}), NDArray::zeros(DType::Float32, {2, 4})});
  EXPECT_EQ(m.rfind("Elemwise{Composite{", 0), 0u) << m;
  EXPECT_NE(m.find("do not broadcast"), std::string::npos) << m;
}

}  // namespace
}  // namespace theano::testing

// Errors name both shapes: at graph construction (static shapes) and at run
// time, for each op; and types the ops refuse.
#include "helpers.h"
#include "theano/core/registry.h"

namespace theano::testing {
namespace {

template <class F>
std::string error_of(F&& fn) {
  try {
    fn();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

TEST(BlasErrors, StaticShapeMismatchNamesBothShapes) {
  init();
  auto x = T::tensor(DType::Float32, StaticShape{2, 3});
  auto y = T::tensor(DType::Float32, StaticShape{4, 5});
  std::string msg = error_of([&] { T::dot(x, y); });
  EXPECT_NE(msg.find("(2, 3)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(4, 5)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("not aligned"), std::string::npos) << msg;
}

TEST(BlasErrors, RuntimeShapeMismatchNamesBothShapes) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y"), v = T::dvector("v");
  Function f = compile({x, y}, {T::dot(x, y)});
  std::string msg = error_of([&] {
    f({NDArray::zeros(DType::Float64, {2, 3}), NDArray::zeros(DType::Float64, {4, 5})});
  });
  EXPECT_NE(msg.find("(2, 3)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(4, 5)"), std::string::npos) << msg;
  Function g = compile({x, v}, {T::dot(x, v)});
  msg = error_of([&] { g({NDArray::zeros(DType::Float64, {2, 3}), ramp({4})}); });
  EXPECT_NE(msg.find("(2, 3)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(4,)"), std::string::npos) << msg;
}

TEST(BlasErrors, BatchedAndTensorDotMismatch) {
  init();
  auto a = T::dtensor3("a"), b = T::dtensor3("b");
  Function f = compile({a, b}, {T::batched_dot(a, b)});
  std::string msg = error_of([&] {
    f({NDArray::zeros(DType::Float64, {2, 3, 4}), NDArray::zeros(DType::Float64, {3, 4, 5})});
  });
  EXPECT_NE(msg.find("(2, 3, 4)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(3, 4, 5)"), std::string::npos) << msg;
  Function g = compile({a, b}, {T::tensordot(a, b, 2)});
  msg = error_of([&] {
    g({NDArray::zeros(DType::Float64, {2, 3, 4}), NDArray::zeros(DType::Float64, {3, 5, 5})});
  });
  EXPECT_NE(msg.find("(2, 3, 4)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(3, 5, 5)"), std::string::npos) << msg;
}

TEST(BlasErrors, RefusedTypes) {
  init();
  auto dot22 = Registry::global().make_op("Dot22");
  auto i = T::imatrix("i"), f = T::fmatrix("f"), d = T::dmatrix("d");
  EXPECT_NE(error_of([&] { dot22->apply1({i, i}); }).find("float or complex"), std::string::npos);
  EXPECT_NE(error_of([&] { dot22->apply1({f, d}); }).find("one dtype"), std::string::npos);
  auto dot = Registry::global().make_op("Dot");
  EXPECT_NE(error_of([&] {
              dot->apply1({T::dtensor3("t"), d});
            }).find("1 or 2 dimensions"),
            std::string::npos);
  EXPECT_NE(error_of([&] { T::tensordot(d, d, 3); }).find("3 axes"), std::string::npos);
  EXPECT_NE(error_of([&] { T::outer(d, d); }).find("two vectors"), std::string::npos);
}

}  // namespace
}  // namespace theano::testing

// Gradients of the indexing ops: verify_grad on every differentiable op
// (basic slices with negative steps, set / inc w.r.t. x and y, rows with
// repeated indices, advanced and boolean indexing), the expected gradient
// graphs and values, and R_op.
#include "indexing_helpers.h"

namespace theano::indexing_test {
namespace {

using T::none;
using T::slice;

NDArray rand_array(Shape shape, double offset = 0) {
  std::vector<double> v(shape_size(shape));
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = std::sin(1.7 * double(i) + offset);
  return NDArray::from_vector(v, std::move(shape));
}

using Fn = std::function<Var(const std::vector<Var>&)>;

void check(const std::string& label, const Fn& fn, const std::vector<NDArray>& point) {
  SCOPED_TRACE(label);
  EXPECT_NO_THROW(verify_grad(fn, point));
}

TEST(IndexingGrad, VerifyGradBasic) {
  init();
  NDArray x = rand_array({3, 4, 5});
  check("x[1:-1]", [](auto& in) { return T::index(in[0], {slice(1, -1)}); }, {x});
  check("x[::-1, 2]", [](auto& in) { return T::index(in[0], {slice(none, none, -1), 2}); }, {x});
  check("x[-1, ::-2, 1:4]",
        [](auto& in) {
          return T::index(in[0], {-1, slice(none, none, -2), slice(1, 4)});
        },
        {x});
  check("x[new, 1]", [](auto& in) { return T::index(in[0], {T::new_axis, 1}); }, {x});
}

TEST(IndexingGrad, VerifyGradSetAndInc) {
  init();
  NDArray x = rand_array({3, 4}), y = rand_array({2, 4}, 1), row = rand_array({4}, 2);
  check("inc x[1:] by y", [](auto& in) { return T::inc_subtensor(in[0], {slice(1)}, in[1]); },
        {x, y});
  check("set x[::-2] to y",
        [](auto& in) { return T::set_subtensor(in[0], {slice(none, none, -2)}, in[1]); }, {x, y});
  check("inc x[:, 1:3] by broadcast row",
        [](auto& in) {
          return T::inc_subtensor(in[0], {slice(), slice(1, 3)},
                                  T::TensorVar(in[1]).dimshuffle({T::newaxis, 0}));
        },
        {x, rand_array({2}, 3)});
  check("set x[1] to row", [](auto& in) { return T::set_subtensor(in[0], {1}, in[1]); }, {x, row});
}

TEST(IndexingGrad, VerifyGradAdvanced) {
  init();
  NDArray x = rand_array({4, 3});
  check("x[[0, 2, 0, -1]]", [](auto& in) { return T::index(in[0], {{0, 2, 0, -1}}); }, {x});
  check("inc rows with repeats",
        [](auto& in) {
          return T::inc_subtensor(in[0], {{1, 1, 3}}, in[1]);
        },
        {x, rand_array({3, 3}, 1)});
  check("set rows",
        [](auto& in) {
          return T::set_subtensor(in[0], {{2, 0}}, in[1]);
        },
        {x, rand_array({2, 3}, 2)});
  check("x[[0, 3], [2, 2]]", [](auto& in) { return T::index(in[0], {{0, 3}, {2, 2}}); }, {x});
  check("inc x[:, [0, 0]] by y",
        [](auto& in) {
          return T::inc_subtensor(in[0], {slice(), {0, 0}}, in[1]);
        },
        {x, rand_array({4, 2}, 4)});
  NDArray mask = NDArray::from_values<bool>({true, false, true, true}, {4});
  check("x[mask]", [mask](auto& in) { return T::index(in[0], {mask}); }, {x});
  check("set x[mask] to row", [mask](auto& in) { return T::set_subtensor(in[0], {mask}, in[1]); },
        {x, rand_array({3}, 5)});
}

TEST(IndexingGrad, GradientGraphsAndValues) {
  init();
  auto x = T::dvector("x");
  Var g = grad(T::sum(T::index(x, {{0, 0, 2}})), x);
  auto f = function({In(x)}, {Out(g)}, no_opt());
  EXPECT_EQ(count_op(f, "AdvancedIncSubtensor1"), 1);
  EXPECT_TRUE(close(f({NDArray::from_values<double>({5, 6, 7})}).at(0).array(),
                    NDArray::from_values<double>({2, 0, 1})));
  Var g2 = grad(T::sum(T::index(x, {slice(none, none, -2)}) * 3.0), x);
  auto f2 = function({In(x)}, {Out(g2)}, no_opt());
  EXPECT_EQ(count_op(f2, "IncSubtensor"), 1);
  EXPECT_TRUE(close(f2({NDArray::from_values<double>({1, 2, 3, 4, 5})}).at(0).array(),
                    NDArray::from_values<double>({3, 0, 3, 0, 3})));
  // set_subtensor: the gradient of x is zero where y was written.
  auto y = T::dvector("y");
  std::vector<Var> gs = grad(T::sum(T::set_subtensor(x, {slice(1, 3)}, y) * 2.0), {x, y});
  auto f3 = function({In(x), In(y)}, {Out(gs[0]), Out(gs[1])});
  auto r = f3({NDArray::from_values<double>({1, 2, 3, 4}), NDArray::from_values<double>({9, 9})});
  EXPECT_TRUE(close(r.at(0).array(), NDArray::from_values<double>({2, 0, 0, 2})));
  EXPECT_TRUE(close(r.at(1).array(), NDArray::from_values<double>({2, 2})));
}

TEST(IndexingGrad, IndexInputsAreDisconnected) {
  init();
  auto x = T::dvector("x");
  auto i = T::lscalar("i");
  auto idx = T::lvector("idx");
  T::TensorVar out = T::index(x, {slice(i)}).sum() + T::index(x, {idx}).sum();
  GradOptions opts;
  opts.disconnected_inputs = DisconnectedPolicy::Ignore;
  std::vector<Var> gs = grad(out, {x, i, idx}, opts);
  auto f = function({In(x), In(i), In(idx)}, {Out(gs[0]), Out(gs[1]), Out(gs[2])});
  auto r = f({NDArray::from_values<double>({1, 2, 3}), NDArray::scalar<std::int64_t>(1),
              NDArray::from_values<std::int64_t>({2, 2})});
  EXPECT_TRUE(close(r.at(0).array(), NDArray::from_values<double>({0, 1, 3})));
  EXPECT_EQ(r.at(1).array().item<double>(), 0.0);
}

TEST(IndexingGrad, RopMatchesIndexingTheDirection) {
  init();
  auto x = T::dmatrix("x"), v = T::dmatrix("v");
  NDArray xv = rand_array({3, 4}), vv = rand_array({3, 4}, 7);
  // The directional derivative of a linear op does not read x.
  FunctionOptions lenient;
  lenient.on_unused_input = "ignore";
  std::vector<std::pair<std::string, std::function<T::TensorVar(const T::TensorVar&)>>> cases = {
      {"basic",
       [](auto& a) {
         return T::index(a, {slice(none, none, -1), slice(1, 3)});
       }},
      {"rows",
       [](auto& a) {
         return T::index(a, {{2, 0, 2}});
       }},
      {"advanced",
       [](auto& a) {
         return T::index(a, {{0, 2}, {3, 1}});
       }},
  };
  for (const auto& [label, f] : cases) {
    SCOPED_TRACE(label);
    Var r = Rop(f(x), x, v);
    NDArray got = eval1({x, v}, r, {xv, vv}, lenient);
    NDArray want = eval1({v}, f(v), {vv});
    EXPECT_TRUE(close(got, want));
  }
  auto y = T::dvector("y"), w = T::dvector("w");
  Var r = Rop(std::vector<Var>{T::set_subtensor(x, {1}, y)}, {x, y}, {v, w}).at(0);
  NDArray wv = NDArray::from_values<double>({1, 2, 3, 4});
  NDArray got = eval1({x, y, v, w}, r, {xv, wv, vv, wv}, lenient);
  EXPECT_TRUE(close(got, eval1({v, w}, T::set_subtensor(v, {1}, w), {vv, wv})));
}

}  // namespace
}  // namespace theano::indexing_test

// Shape inference (infer_shape agrees with the computed shapes, and the
// ShapeFeature answers x.shape without running x) and the structural
// rewrites firing in compiled graphs.
#include "structure_helpers.h"
#include "theano/core/registry.h"

namespace theano::testing {
namespace {

Function compile(const std::vector<Var>& inputs, const std::vector<Var>& outputs) {
  std::vector<In> ins(inputs.begin(), inputs.end());
  std::vector<Out> outs(outputs.begin(), outputs.end());
  FunctionOptions options;
  options.mode = Mode::named("FAST_RUN");
  options.on_unused_input = "ignore";
  return function(ins, outs, options);
}

// Checks that shape(y) computed through infer_shape equals y's shape, and
// that the op producing y is not run to get it.
void expect_shape_inferred(const std::vector<Var>& inputs, const T::TensorVar& y,
                           const std::vector<Value>& args) {
  std::string op = y->owner()->op().name();
  Function f = compile(inputs, {T::shape(y)});
  EXPECT_FALSE(has_op(f, op)) << op << " still computed to get its shape";
  NDArray inferred = f(args).at(0).array();
  NDArray value = compile(inputs, {y})(args).at(0).array();
  EXPECT_EQ(inferred.to_vector<std::int64_t>(), std::vector<std::int64_t>(value.shape()))
      << "infer_shape of " << op;
}

TEST(StructureShapes, InferShapeMatchesValues) {
  init();
  auto x = T::fmatrix("x"), y = T::fmatrix("y");
  auto n = T::lscalar("n");
  auto r = T::lvector("r");
  std::vector<Var> in{x, y, n, r};
  std::vector<Value> args{ramp({4, 3}), ramp({2, 3}), NDArray::scalar<std::int64_t>(2),
                          arr<std::int64_t>({1, 0, 2})};
  expect_shape_inferred(in, T::reshape(x, {n, -1}), args);
  expect_shape_inferred(in, T::reshape(x, {-1}), args);
  expect_shape_inferred(in, T::alloc(T::diag(y, 1), {n, 5, 2}), args);
  expect_shape_inferred(in, T::alloc_empty({n, 7}), args);
  expect_shape_inferred(in, T::concatenate({x, y, x}), args);
  expect_shape_inferred(in, T::split(x, {n, n}, 2)[1], args);
  expect_shape_inferred(in, T::repeat(x, n, 1), args);
  expect_shape_inferred(in, T::repeat(x, r, 1), args);
  expect_shape_inferred(in, T::repeat(x, n), args);
  expect_shape_inferred(in, T::diag(x, -1), args);
  expect_shape_inferred(in, T::diag(T::diag(y, 2), -3), args);
  expect_shape_inferred(in, T::eye(n, T::Operand(n + 3)), args);
  expect_shape_inferred(in, T::arange(n, 11, 3), args);
  expect_shape_inferred(in, T::specify_shape(x, {4, 3}), args);
}

TEST(StructureRewrites, RegisteredInCanonicalize) {
  init();
  for (const char* name : {"local_useless_reshape", "local_reshape_chain", "local_useless_alloc",
                           "local_join_1", "local_useless_split"}) {
    bool found = false;
    for (const RewriteSpec& s : Registry::global().rewrites())
      if (s.name == name) found = s.phase == "canonicalize";
    EXPECT_TRUE(found) << name;
  }
}

TEST(StructureRewrites, UselessReshapeRemoved) {
  init();
  auto x = T::fmatrix("x");
  Function f = compile({x}, {T::reshape(x, T::shape(x), 2) * 2});
  EXPECT_FALSE(has_op(f, "Reshape"));
  Function g = compile({x}, {T::reshape(x, {T::shape_i(x, 0), T::shape_i(x, 1)}) * 2});
  EXPECT_FALSE(has_op(g, "Reshape"));
  EXPECT_TRUE(close(g({ramp({2, 3})}).at(0).array(), eval1({x}, x * 2, {ramp({2, 3})})));
  Function h = compile({x}, {T::reshape(x, {T::shape_i(x, 1), T::shape_i(x, 0)}) * 2});
  EXPECT_TRUE(has_op(h, "Reshape"));  // a real reshape stays
}

TEST(StructureRewrites, ReshapeChainMerged) {
  init();
  auto x = T::fmatrix("x");
  Function f = compile({x}, {T::reshape(T::reshape(x, {-1}), {3, 2}) * 2});
  auto names = op_names(f);
  EXPECT_EQ(std::count(names.begin(), names.end(), "Reshape"), 1);
  EXPECT_TRUE(close(f({ramp({2, 3})}).at(0).array(), eval1({x}, x * 2, {ramp({3, 2})})));
}

TEST(StructureRewrites, UselessAllocJoinSplitRemoved) {
  init();
  auto x = T::fmatrix("x");
  EXPECT_FALSE(
      has_op(compile({x}, {T::alloc(x, {T::shape_i(x, 0), T::shape_i(x, 1)}) + 1}), "Alloc"));
  EXPECT_TRUE(
      has_op(compile({x}, {T::alloc(x, {2, T::shape_i(x, 0), T::shape_i(x, 1)}) + 1}), "Alloc"));
  EXPECT_FALSE(has_op(compile({x}, {T::concatenate({x}) + 1}), "Join"));
  EXPECT_FALSE(has_op(compile({x}, {T::split(x, {T::shape_i(x, 0)}, 1)[0] + 1}), "Split"));
}

TEST(StructureRewrites, ConstantFolding) {
  init();
  Function f = compile({}, {T::arange(5) * 2 + T::sum(T::eye(5, std::nullopt, 0, DType::Int64))});
  EXPECT_FALSE(has_op(f, "ARange"));
  EXPECT_FALSE(has_op(f, "Eye"));
  EXPECT_EQ(f({}).at(0).array().to_vector<std::int64_t>(),
            (std::vector<std::int64_t>{5, 7, 9, 11, 13}));
  EXPECT_TRUE(has_op(compile({}, {T::alloc_empty({2}, DType::Float32) + 1}), "AllocEmpty"));
}

}  // namespace
}  // namespace theano::testing

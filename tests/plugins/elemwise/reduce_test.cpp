// Reductions against NumPy golden values (tests/data/elemwise/golden_reduce):
// sum, prod, max, min, all, any, mean, var, std, argmax and argmin over
// every axis combination of a 3x4x5 input, with keepdims; plus dtype rules,
// empty reductions, strided inputs and the multi-threaded paths.
#include <fstream>
#include <random>
#include <sstream>

#include "helpers.h"

namespace theano::testing {
namespace {

struct ReduceCase {
  std::string op;
  DType dtype;
  T::Axes axes;
  bool keepdims;
  std::string input, output;
  std::int64_t offset;
  Shape shape;
};

std::vector<ReduceCase> load_cases() {
  std::ifstream in(std::string(THEANO_ELEMWISE_DATA_DIR) + "/manifest_reduce.txt");
  std::vector<ReduceCase> cases;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string op, dtype, axes, shape;
    int keep = 0;
    ReduceCase c;
    if (!(ls >> op >> dtype >> axes >> keep >> c.input >> c.output >> c.offset >> shape)) continue;
    c.op = op;
    c.dtype = parse_dtype(dtype);
    c.keepdims = keep != 0;
    if (axes != "all") {
      std::vector<std::int64_t> list;
      std::istringstream as(axes);
      for (std::string a; std::getline(as, a, ',');) list.push_back(std::stoll(a));
      c.axes = T::Axes(list);
    }
    if (shape != "-") {
      std::istringstream ss(shape);
      for (std::string d; std::getline(ss, d, ',');) c.shape.push_back(std::stoll(d));
    }
    cases.push_back(c);
  }
  return cases;
}

T::TensorVar build(const ReduceCase& c, const T::TensorVar& x) {
  if (c.op == "sum") return T::sum(x, c.axes, c.keepdims);
  if (c.op == "prod") return T::prod(x, c.axes, c.keepdims);
  if (c.op == "max") return T::max(x, c.axes, c.keepdims);
  if (c.op == "min") return T::min(x, c.axes, c.keepdims);
  if (c.op == "all") return T::all(x, c.axes, c.keepdims);
  if (c.op == "any") return T::any(x, c.axes, c.keepdims);
  if (c.op == "mean") return T::mean(x, c.axes, c.keepdims);
  if (c.op == "var") return T::var(x, c.axes, c.keepdims);
  if (c.op == "std") return T::std(x, c.axes, c.keepdims);
  if (c.op == "argmax") return T::argmax(x, c.axes);
  if (c.op == "argmin") return T::argmin(x, c.axes);
  throw std::runtime_error("unknown reduction " + c.op);
}

TEST(ReduceGolden, EveryReductionMatchesNumPy) {
  init();
  const std::string dir = std::string(THEANO_ELEMWISE_DATA_DIR) + "/golden_reduce/";
  std::vector<ReduceCase> cases = load_cases();
  ASSERT_GT(cases.size(), 300u);
  for (const ReduceCase& c : cases) {
    NDArray x = load_npy(dir + c.input);
    ASSERT_EQ(x.dtype(), c.dtype);
    NDArray all = load_npy(dir + c.output);
    std::int64_t n = shape_size(c.shape);
    NDArray want = all.slice(0, c.offset, c.offset + n, 1).reshape(c.shape);
    auto v = T::tensor(c.dtype, 3, "x");
    NDArray got = eval1({v}, build(c, v), {x});
    std::string label = c.op + " " + std::string(dtype_name(c.dtype)) + " case at offset " +
                        std::to_string(c.offset);
    double rtol = got.dtype() == DType::Float32 ? 2e-6 : 1e-12;
    EXPECT_TRUE(close(got, want, rtol, 0)) << label;
  }
}

DType sum_dtype(DType in) {
  auto x = T::tensor(in, 2, "x");
  return T::sum(x).dtype();
}

TEST(Reduce, DefaultDtypesFollowTheano) {
  init();
  EXPECT_EQ(sum_dtype(DType::Bool), DType::Int64);
  EXPECT_EQ(sum_dtype(DType::Int8), DType::Int64);
  EXPECT_EQ(sum_dtype(DType::Int32), DType::Int64);
  EXPECT_EQ(sum_dtype(DType::UInt16), DType::UInt64);
  EXPECT_EQ(sum_dtype(DType::Float32), DType::Float32);
  EXPECT_EQ(sum_dtype(DType::Float16), DType::Float16);
  EXPECT_EQ(T::mean(T::imatrix()).dtype(), DType::Float64);
  EXPECT_EQ(T::mean(T::fmatrix()).dtype(), DType::Float32);
  EXPECT_EQ(T::max(T::bvector()).dtype(), DType::Int8);
  EXPECT_EQ(T::all(T::fvector()).dtype(), DType::Bool);
  EXPECT_EQ(T::argmax(T::fmatrix(), 1).dtype(), DType::Int64);
  EXPECT_EQ(T::sum(T::fmatrix(), 0, false, {DType::Float64, {}}).dtype(), DType::Float64);
  EXPECT_THROW(T::sum(T::dvector(), {}, false, {{}, DType::Float32}), TypeError);
}

TEST(Reduce, Float32SumAccumulatesInFloat64) {
  init();
  // 2^24 + 1 + 1 + ... (a million ones): a float32 accumulator would stall at 2^24.
  std::vector<float> v(1 << 20, 1.0f);
  v[0] = 16777216.0f;
  auto x = T::fvector("x");
  NDArray r = eval1({x}, T::sum(x), {NDArray::from_vector(v)});
  EXPECT_EQ(r.dtype(), DType::Float32);
  EXPECT_EQ(r.item<float>(), static_cast<float>(16777216.0 + (1 << 20) - 1));
}

TEST(Reduce, EmptyReductions) {
  init();
  auto x = T::fmatrix("x");
  NDArray empty = NDArray::zeros(DType::Float32, {0, 3});
  EXPECT_TRUE(close(eval1({x}, T::sum(x, 0), {empty}), arr<float>({0, 0, 0})));
  EXPECT_TRUE(close(eval1({x}, T::prod(x, 0), {empty}), arr<float>({1, 1, 1})));
  EXPECT_EQ(eval1({x}, T::sum(x, 1), {empty}).shape(), Shape{0});
  try {
    eval1({x}, T::max(x, 0), {empty});
    FAIL() << "max of an empty axis must fail";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("axis 0 of size 0"), std::string::npos) << e.what();
  }
  EXPECT_THROW(eval1({x}, T::argmax(x, 0), {empty}), Error);
}

TEST(Reduce, NaNPropagatesThroughMaxAndArgmax) {
  init();
  auto x = T::dvector("x");
  NDArray v = arr<double>({1, std::nan(""), 5, 2});
  EXPECT_TRUE(std::isnan(eval1({x}, T::max(x), {v}).item<double>()));
  EXPECT_TRUE(std::isnan(eval1({x}, T::min(x), {v}).item<double>()));
  EXPECT_EQ(eval1({x}, T::argmax(x), {v}).item<std::int64_t>(), 1);
}

NDArray random_f64(Shape shape, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> d(-1, 1);
  std::vector<double> v(static_cast<std::size_t>(shape_size(shape)));
  for (double& e : v) e = d(rng);
  return NDArray::from_vector(v, shape);
}

// Reference: the sum along `axis` of a 2-d array, by plain loops.
NDArray naive_sum(const NDArray& a, int axis) {
  std::int64_t r = a.dim(0), c = a.dim(1);
  std::vector<double> out(static_cast<std::size_t>(axis == 0 ? c : r), 0.0);
  for (std::int64_t i = 0; i < r; ++i)
    for (std::int64_t j = 0; j < c; ++j)
      out[static_cast<std::size_t>(axis == 0 ? j : i)] += a.at({i, j});
  return NDArray::from_vector(out);
}

TEST(Reduce, LargeAndStridedInputsUseEveryPath) {
  init();
  auto x = T::dmatrix("x");
  Function rows = function({x}, {T::sum(x, 1)});
  Function cols = function({x}, {T::sum(x, 0)});
  Function total = function({x}, {T::sum(x)});
  // Large enough for the threaded paths (kept axis split, and reduced axis split
  // into private accumulators), then transposed and reversed views.
  NDArray big = random_f64({600, 700}, 11);
  std::vector<NDArray> inputs{big, big.transpose(), big.slice(0, 599, -1, -1),
                              random_f64({3, 200000}, 12), random_f64({200000, 3}, 13)};
  for (const NDArray& a : inputs) {
    EXPECT_TRUE(close(rows({a})[0].array(), naive_sum(a, 1), 1e-12, 1e-9)) << a.summary();
    EXPECT_TRUE(close(cols({a})[0].array(), naive_sum(a, 0), 1e-12, 1e-9)) << a.summary();
    double want = 0;
    for (double v : naive_sum(a, 0).to_vector<double>()) want += v;
    EXPECT_NEAR(total({a})[0].array().item<double>(), want, 1e-8) << a.summary();
  }
}

TEST(Reduce, BadAxisIsReportedAtBuildTime) {
  init();
  auto x = T::fmatrix("x");
  try {
    T::sum(x, 2);
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("axis 2 is out of range"), std::string::npos) << e.what();
  }
  EXPECT_THROW(T::sum(x, {1, -1}), ValueError);
}

}  // namespace
}  // namespace theano::testing

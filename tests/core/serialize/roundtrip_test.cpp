// Saved functions compute exactly what the original computes, shared values
// round-trip bit-exactly, and a loaded training step keeps training.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/core/serialize.h"
#include "theano/tensor.h"

namespace theano {
namespace {

namespace T = theano::tensor;

NDArray normal(Shape shape, std::uint64_t seed, DType dtype = DType::Float32) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> d;
  std::vector<double> v(static_cast<std::size_t>(shape_size(shape)));
  for (double& e : v) e = d(rng);
  return NDArray::from_vector(v, shape).astype(dtype);
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("theano_serialize_" + name)).string();
}

bool bit_equal(const NDArray& a, const NDArray& b) {
  if (a.dtype() != b.dtype() || a.shape() != b.shape()) return false;
  std::vector<std::byte> x = serialize_npy(a), y = serialize_npy(b);
  return x == y;
}

TEST(Serialize, LoadedFunctionComputesExactlyTheSame) {
  initialize();
  auto x = T::fmatrix("x");
  auto v = T::fvector("v");
  auto w = shared(normal({3}, 1), "w");
  T::TensorVar out = T::sum(T::exp(x) * T::TensorVar(w) + v, 1) / 3.0f;
  T::TensorVar m = T::max(T::tanh(x), 0);
  Function f = function({x, v}, {out, m});
  std::string path = temp_path("exact.json");
  save_function(f, path);
  Function g = load_function(path);
  std::vector<Value> args{normal({4, 3}, 2), normal({3}, 3)};
  auto a = f(args), b = g(args);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t k = 0; k < a.size(); ++k)
    EXPECT_TRUE(bit_equal(a[k].array(), b[k].array())) << "output " << k;
  std::filesystem::remove(path);
}

TEST(Serialize, SharedValuesOfEveryDtypeRoundTripBitExactly) {
  initialize();
  std::vector<NDArray> values{
      normal({5, 7}, 4),                                          // npy path
      normal({2}, 5, DType::Float64),                             // inline path
      normal({3, 2}, 6, DType::Float16),                          // npy only
      NDArray::from_values<std::int64_t>({(1LL << 62) + 1, -7}),  // beyond 2^53
      NDArray::from_values<std::uint64_t>({~0ULL, 3}),
      NDArray::from_values<bool>({true, false, true}),
      normal({4}, 7, DType::Complex64),
      NDArray::from_values<double>({std::nan(""), INFINITY, -0.0}),  // non-finite: npy
  };
  FunctionSpec spec;
  for (std::size_t i = 0; i < values.size(); ++i) {
    auto s = shared(values[i], "s" + std::to_string(i));
    spec.outputs.emplace_back(Var(s));
  }
  std::string text = to_json(spec);
  FunctionSpec back = from_json(text);
  ASSERT_EQ(back.outputs.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto* sv = static_cast<const SharedVariable*>(back.outputs[i].variable.get());
    EXPECT_TRUE(bit_equal(sv->get_value().array(), values[i])) << "value " << i;
    EXPECT_EQ(sv->name(), "s" + std::to_string(i));
  }
}

TEST(Serialize, LoadedTrainingStepKeepsTraining) {
  initialize();
  auto w = shared(normal({4}, 8, DType::Float64), "w");
  auto b = shared(NDArray::scalar<double>(0.0), "b");
  auto x = T::dmatrix("x");
  auto y = T::dvector("y");
  T::TensorVar p = 1.0 / (1.0 + T::exp(-T::sum(x * T::shape_padleft(w), 1) - b));
  T::TensorVar cost = T::mean(-y * T::log(p) - (1.0 - y) * T::log(1.0 - p));
  std::vector<Var> g = grad(cost, {w, b});
  FunctionOptions options;
  options.updates = {{w, T::TensorVar(w) - 0.5 * g[0]}, {b, T::TensorVar(b) - 0.5 * g[1]}};
  Function step = function({x, y}, {cost}, options);
  std::string path = temp_path("train.json");
  save_function(step, path);
  Function loaded = load_function(path);

  NDArray xv = normal({16, 4}, 9, DType::Float64);
  std::vector<double> labels(16);
  for (int i = 0; i < 16; ++i) labels[i] = xv.to_vector<double>()[i * 4] > 0 ? 1.0 : 0.0;
  NDArray yv = NDArray::from_vector(labels);
  double first = 0, last = 0;
  for (int it = 0; it < 20; ++it) {
    double c0 = step({xv, yv})[0].array().item<double>();
    double c1 = loaded({xv, yv})[0].array().item<double>();
    EXPECT_EQ(c0, c1) << "step " << it;
    if (it == 0) first = c1;
    last = c1;
  }
  EXPECT_LT(last, first * 0.8) << "the loaded step did not train";
  // The loaded function owns its shared variables; they moved like the original's.
  auto shared_vars = loaded.shared_variables();
  ASSERT_EQ(shared_vars.size(), 2u);
  for (const auto& sv : shared_vars) {
    NDArray mine = sv->name() == "w" ? w->get_value().array() : b->get_value().array();
    EXPECT_TRUE(bit_equal(sv->get_value().array(), mine)) << sv->name();
  }
  // Saving again after training stores the trained values.
  save_function(loaded, path);
  for (const auto& sv : load_function_spec(path).updates)
    EXPECT_TRUE(
        bit_equal(static_cast<const SharedVariable*>(sv.first.get())->get_value().array(),
                  sv.first->name() == "w" ? w->get_value().array() : b->get_value().array()));
  std::filesystem::remove(path);
}

TEST(Serialize, InputNamesDefaultsAndModeRoundTrip) {
  initialize();
  auto x = T::dvector("x");
  auto k = T::dscalar("k");
  In kin(k, NDArray::scalar<double>(2.5));
  kin.name = "scale";
  FunctionOptions options;
  options.mode = Mode::named("FAST_COMPILE");
  options.name = "scaled";
  Function f = function({x, kin}, {x * k}, options);
  FunctionSpec spec = from_json(to_json(spec_of(f)));
  EXPECT_EQ(spec.name, "scaled");
  EXPECT_EQ(spec.mode.name, "FAST_COMPILE");
  ASSERT_EQ(spec.inputs.size(), 2u);
  EXPECT_EQ(spec.inputs[1].name, "scale");
  Function g = compile(spec);
  NDArray r = g({NDArray::from_values<double>({1, 2})})[0].array();
  EXPECT_EQ(r.to_vector<double>(), (std::vector<double>{2.5, 5.0}));
  r = g({NDArray::from_values<double>({1, 2})}, {{"scale", NDArray::scalar<double>(-1.0)}})[0]
          .array();
  EXPECT_EQ(r.to_vector<double>(), (std::vector<double>{-1.0, -2.0}));
}

}  // namespace
}  // namespace theano

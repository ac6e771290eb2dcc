// Values of every nnet op and front-end function against NumPy (float64
// golden files from tests/data/gen/gen_nnet.py), in float64 and float32,
// including rows of logits of magnitude 1000.
#include <limits>

#include "helpers.h"

namespace theano::nnettest {
namespace {

using Unary = T::TensorVar (*)(const T::Operand&);

T::TensorVar relu0(const T::Operand& x) {
  return T::nnet::relu(x);
}
T::TensorVar leaky(const T::Operand& x) {
  return T::nnet::relu(x, 0.1);
}
T::TensorVar elu1(const T::Operand& x) {
  return T::nnet::elu(x);
}

struct ActivationCase {
  const char* name;
  Unary fn;
};

TEST(Golden, Activations) {
  init();
  const ActivationCase cases[] = {
      {"sigmoid", &T::nnet::sigmoid},
      {"softplus", &T::nnet::softplus},
      {"softsign", &T::nnet::softsign},
      {"ultra_fast_sigmoid", &T::nnet::ultra_fast_sigmoid},
      {"hard_sigmoid", &T::nnet::hard_sigmoid},
      {"relu", &relu0},
      {"relu_leaky", &leaky},
      {"elu", &elu1},
      {"selu", &T::nnet::selu},
  };
  NDArray x = golden("act_x");
  for (const auto& c : cases) {
    for (DType d : {DType::Float64, DType::Float32}) {
      T::TensorVar v = T::tensor(d, 1, "v");
      T::TensorVar out = c.fn(v);
      EXPECT_EQ(out.dtype(), d) << c.name;
      NDArray got = eval1({v}, out, {x.astype(d)});
      EXPECT_TRUE(all_finite(got)) << c.name;
      double tol = d == DType::Float64 ? 1e-13 : 2e-6;
      EXPECT_TRUE(close(got, golden(c.name), tol, d == DType::Float64 ? 1e-300 : 1e-7))
          << c.name << " " << dtype_name(d);
    }
  }
}

TEST(Golden, ActivationsOnIntegersGiveFloats) {
  init();
  T::TensorVar i = T::ivector("i"), b = T::bvector("b");
  EXPECT_EQ(T::nnet::sigmoid(i).dtype(), DType::Float64);
  EXPECT_EQ(T::nnet::softplus(b).dtype(), DType::Float32);
  NDArray got = eval1({i}, T::nnet::sigmoid(i), {NDArray::from_values<std::int32_t>({0, 2})});
  EXPECT_TRUE(close(got, NDArray::from_values<double>({0.5, 1 / (1 + std::exp(-2.0))})));
}

TEST(Golden, SoftmaxFamily) {
  init();
  NDArray x = golden("x"), b = golden("b"), dy = golden("dy");
  for (DType d : {DType::Float64, DType::Float32}) {
    double rtol = d == DType::Float64 ? 1e-12 : 2e-6, atol = d == DType::Float64 ? 1e-300 : 1e-30;
    // x + b rounds to float32 steps of 6e-5 near 1000 before the kernel sees it.
    double bias_rtol = d == DType::Float64 ? 1e-12 : 1e-4;
    T::TensorVar m = T::tensor(d, 2, "m"), v = T::tensor(d, 1, "v"), g = T::tensor(d, 2, "g");
    auto run = [&](const T::TensorVar& out, std::vector<Value> args, std::vector<Var> ins) {
      return eval1(ins, out, std::move(args));
    };
    EXPECT_TRUE(
        close(run(T::nnet::softmax(m), {x.astype(d)}, {m}), golden("softmax_rows"), rtol, atol));
    EXPECT_TRUE(
        close(run(T::nnet::softmax(m, 0), {x.astype(d)}, {m}), golden("softmax_cols"), rtol, atol));
    EXPECT_TRUE(close(run(T::nnet::log_softmax(m), {x.astype(d)}, {m}), golden("log_softmax_rows"),
                      rtol, 1e-12));
    EXPECT_TRUE(close(run(T::nnet::log_softmax(m, 0), {x.astype(d)}, {m}),
                      golden("log_softmax_cols"), rtol, 1e-12));
    EXPECT_TRUE(close(run(T::nnet::softmax_with_bias(m, v), {x.astype(d), b.astype(d)}, {m, v}),
                      golden("softmax_with_bias"), bias_rtol, atol));
    NDArray sm = golden("softmax_rows").astype(d);
    EXPECT_TRUE(close(run(T::nnet::softmax_grad(g, m), {dy.astype(d), sm}, {g, m}),
                      golden("softmax_grad"), rtol, d == DType::Float64 ? 1e-14 : 1e-6));
  }
}

TEST(Golden, SoftmaxOverThreeDimsAndLargeRows) {
  init();
  // A 3-d tensor along its middle axis equals softmax of each (i, :, k) column.
  T::TensorVar t = T::dtensor3("t");
  std::vector<double> data(2 * 3 * 4);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = std::sin(static_cast<double>(i)) * 5;
  NDArray a = NDArray::from_vector(data, {2, 3, 4});
  NDArray got = eval1({t}, T::nnet::softmax(t, 1), {a});
  for (std::int64_t i = 0; i < 2; ++i) {
    for (std::int64_t k = 0; k < 4; ++k) {
      double sum = 0, mx = -1e300;
      for (std::int64_t j = 0; j < 3; ++j) mx = std::max(mx, data[(i * 3 + j) * 4 + k]);
      for (std::int64_t j = 0; j < 3; ++j) sum += std::exp(data[(i * 3 + j) * 4 + k] - mx);
      for (std::int64_t j = 0; j < 3; ++j) {
        double want = std::exp(data[(i * 3 + j) * 4 + k] - mx) / sum;
        EXPECT_NEAR(got.to_vector<double>()[(i * 3 + j) * 4 + k], want, 1e-14);
      }
    }
  }
  // Enough rows to run in parallel: every row sums to 1.
  T::TensorVar m = T::fmatrix("m");
  NDArray big = NDArray::full(DType::Float32, {4096, 64}, 3.0);
  std::vector<float> sums(4096, 0.0f);
  std::vector<float> v = eval1({m}, T::nnet::softmax(m), {big}).to_vector<float>();
  for (std::size_t i = 0; i < v.size(); ++i) sums[i / 64] += v[i];
  for (float s : sums) ASSERT_NEAR(s, 1.0f, 1e-5f);
}

// -inf logits (masked classes) get probability 0, also when a whole first
// block of a long row is -inf; a row of only -inf is NaN, as in NumPy.
TEST(Golden, MinusInfinityLogits) {
  init();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> row(130, -inf);
  row[100] = 1.0;
  row[129] = 2.0;
  std::vector<double> data = row;
  for (int i = 0; i < 130; ++i) data.push_back(-inf);
  T::TensorVar m = T::dmatrix("m");
  std::vector<Value> out = eval({m}, {T::nnet::softmax(m), T::nnet::log_softmax(m)},
                                {NDArray::from_vector(data, {2, 130})});
  std::vector<double> sm = out[0].array().to_vector<double>();
  std::vector<double> lsm = out[1].array().to_vector<double>();
  const double lse = std::log(std::exp(1.0) + std::exp(2.0));
  for (int j = 0; j < 130; ++j) {
    double want = j == 100 ? std::exp(1.0 - lse) : j == 129 ? std::exp(2.0 - lse) : 0.0;
    EXPECT_NEAR(sm[j], want, 1e-15) << j;
    if (j == 100) {
      EXPECT_NEAR(lsm[j], 1.0 - lse, 1e-15);
    } else if (j != 129) {
      EXPECT_EQ(lsm[j], -inf) << j;
    }
    EXPECT_TRUE(std::isnan(sm[130 + j])) << j;
  }
}

TEST(Golden, CrossEntropies) {
  init();
  NDArray p = golden("p"), y = golden("y"), g = golden("g");
  T::TensorVar pm = T::dmatrix("p"), yv = T::lvector("y"), gv = T::dvector("g");
  T::TensorVar tm = T::dmatrix("t");
  EXPECT_TRUE(close(eval1({pm, yv}, T::nnet::categorical_crossentropy(pm, yv), {p, y}),
                    golden("xent_1hot")));
  NDArray onehot = NDArray::zeros(DType::Float64, {4, 5});
  std::vector<std::int64_t> yy = y.to_vector<std::int64_t>();
  for (std::int64_t r = 0; r < 4; ++r) onehot.data<double>()[r * 5 + yy[r]] = 1;
  EXPECT_TRUE(close(eval1({pm, tm}, T::nnet::categorical_crossentropy(pm, tm), {p, onehot}),
                    golden("xent_dense")));
  EXPECT_TRUE(
      close(eval1({gv, pm, yv}, T::nnet::crossentropy_categorical_1hot_grad(gv, pm, yv), {g, p, y}),
            golden("xent_1hot_grad")));
  T::TensorVar o = T::dmatrix("o"), t = T::dmatrix("t2");
  EXPECT_TRUE(
      close(eval1({o, t}, T::nnet::binary_crossentropy(o, t), {golden("bce_o"), golden("bce_t")}),
            golden("bce")));
  NDArray z = golden("bce_z");
  NDArray sbce = eval1({o, t}, T::nnet::sigmoid_binary_crossentropy(o, t), {z, golden("bce_t")});
  EXPECT_TRUE(all_finite(sbce));
  EXPECT_TRUE(close(sbce, golden("sigmoid_bce"), 1e-9, 1e-12));
}

TEST(Golden, FusedSoftmaxCrossEntropy) {
  init();
  NDArray x = golden("x"), b = golden("b"), y = golden("y"), g = golden("g");
  for (DType d : {DType::Float64, DType::Float32}) {
    double rtol = d == DType::Float64 ? 1e-12 : 1e-4;  // x + b rounded in float32
    T::TensorVar m = T::tensor(d, 2, "x"), bv = T::tensor(d, 1, "b"), yv = T::lvector("y");
    T::TensorVar gv = T::tensor(d, 1, "g");
    auto r = T::nnet::crossentropy_softmax_argmax_1hot_with_bias(m, bv, yv);
    std::vector<Value> out =
        eval({m, bv, yv}, {r.nll, r.sm, r.argmax}, {x.astype(d), b.astype(d), y});
    EXPECT_TRUE(close(out[0].array(), golden("fused_nll"), rtol, 1e-5));
    EXPECT_TRUE(close(out[1].array(), golden("fused_sm"), rtol, 1e-30));
    EXPECT_EQ(out[2].array().to_vector<std::int64_t>(),
              golden("fused_argmax").to_vector<std::int64_t>());
    T::TensorVar dx = T::nnet::crossentropy_softmax_1hot_with_bias_dx(gv, m, yv);
    EXPECT_TRUE(close(eval1({gv, m, yv}, dx, {g.astype(d), golden("fused_sm").astype(d), y}),
                      golden("fused_dx"), rtol, 1e-6));
  }
  // The zero-bias form equals the fused op with b = 0.
  T::TensorVar m = T::dmatrix("x"), yv = T::lvector("y");
  auto [nll, sm] = T::nnet::crossentropy_softmax_1hot(m, yv);
  std::vector<Value> out = eval({m, yv}, {nll, sm}, {x, y});
  EXPECT_TRUE(close(out[1].array(), golden("softmax_rows"), 1e-12, 1e-300));
}

TEST(Golden, BadClassIndexIsReported) {
  init();
  T::TensorVar p = T::dmatrix("p"), y = T::lvector("y");
  try {
    eval1({p, y}, T::nnet::crossentropy_categorical_1hot(p, y),
          {golden("p"), NDArray::from_values<std::int64_t>({0, 1, 7, 2})});
    FAIL() << "expected an error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("class index 7 of row 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(T::nnet::softmax(T::ivector("i")), TypeError);
  EXPECT_THROW(T::nnet::softmax(T::dmatrix("m"), 2), ValueError);
}

}  // namespace
}  // namespace theano::nnettest

// A saved function using every op family present (tensor structure,
// indexing, sorting, ifelse, blas, nnet, elementwise, reductions) loads and
// computes bit-exactly what the original computes: every op's props
// describe it completely.
#include <gtest/gtest.h>

#include <random>

#include "theano/core/init.h"
#include "theano/core/serialize.h"
#include "theano/tensor.h"

namespace theano {
namespace {

namespace T = theano::tensor;

NDArray normal(Shape shape, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> d;
  std::vector<double> v(static_cast<std::size_t>(shape_size(shape)));
  for (double& e : v) e = d(rng);
  return NDArray::from_vector(v, shape).astype(DType::Float32);
}

TEST(SerializeFamilies, EveryFamilyRoundTrips) {
  initialize();
  auto x = T::fmatrix("x");
  auto w = T::fmatrix("w");
  auto c = T::lscalar("c");
  auto y = T::lvector("y");
  T::TensorVar h = T::dot(x, w);                                // blas
  T::TensorVar r = T::reshape(h, {2, -1});                      // structure
  T::TensorVar j = T::concatenate({r, r * 2.0f}, 1);            // structure
  T::TensorVar s = T::sort(j, 1);                               // extra
  T::TensorVar cs = T::cumsum(h, 0);                            // extra
  T::TensorVar p = T::softmax(h);                               // nnet
  T::TensorVar xent = T::nnet::categorical_crossentropy(p, y);  // nnet
  T::TensorVar sl = h[{T::slice(1, std::nullopt), T::slice(std::nullopt, std::nullopt, -1)}];
  T::TensorVar rows = T::take(h, std::vector<std::int64_t>{2, 0, 2});  // indexing
  T::TensorVar set = T::set_subtensor(h, {0, T::slice(0, 2)}, 7.0f);   // indexing
  T::TensorVar branch = T::ifelse(c > 0, T::sum(h), T::max(h));        // lazy ifelse
  std::vector<Var> outs{s, cs, xent, sl, rows, set, branch};
  Function f = function({x, w, c, y}, std::vector<Out>(outs.begin(), outs.end()));
  Function g = compile(from_json(to_json(spec_of(f))));

  NDArray yv = NDArray::from_values<std::int64_t>({0, 2, 1, 3});
  for (std::int64_t cv : {1, -1}) {
    std::vector<Value> args{normal({4, 3}, 1), normal({3, 4}, 2), NDArray::scalar(cv), yv};
    auto a = f(args), b = g(args);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].array().shape(), b[k].array().shape()) << "output " << k;
      EXPECT_TRUE(array_equal(a[k].array(), b[k].array())) << "output " << k;
    }
  }
}

}  // namespace
}  // namespace theano

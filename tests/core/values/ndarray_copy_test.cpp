// Copies and conversions: astype for all 14x14 dtype pairs against NumPy's
// results, assign with broadcasting and conversion (also when source and
// destination overlap), copy of strided views, item and to_vector.
#include <sstream>

#include "theano/core/ndarray.h"
#include "values_test_util.h"

namespace theano {
namespace {

using testing::thrown_message;

// Builds an array of `dtype` from tokens written by make_npy.py's encode().
NDArray from_tokens(DType dtype, const std::vector<std::string>& tokens) {
  NDArray out = NDArray::empty(dtype, {static_cast<std::int64_t>(tokens.size())});
  visit_dtype(dtype, [&]<class T>(TypeTag<T>) {
    T* data = out.data<T>();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string& t = tokens[i];
      if constexpr (std::is_same_v<T, std::complex<float>> ||
                    std::is_same_v<T, std::complex<double>>) {
        const std::size_t comma = t.find(',');
        using Part = typename T::value_type;
        data[i] = T(static_cast<Part>(std::strtod(t.substr(0, comma).c_str(), nullptr)),
                    static_cast<Part>(std::strtod(t.substr(comma + 1).c_str(), nullptr)));
      } else if constexpr (std::is_same_v<T, float16>) {
        data[i] = float16(std::strtod(t.c_str(), nullptr));
      } else if constexpr (std::is_floating_point_v<T>) {
        data[i] = static_cast<T>(std::strtod(t.c_str(), nullptr));
      } else if constexpr (std::is_same_v<T, std::uint64_t>) {
        data[i] = std::stoull(t);
      } else {
        data[i] = static_cast<T>(std::stoll(t));
      }
    }
  });
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

TEST(Astype, EveryDtypePairMatchesNumPy) {
  int pairs = 0;
  for (const std::string& line : testing::read_lines("astype_cases.txt")) {
    const std::size_t bar1 = line.find(" | ");
    const std::size_t bar2 = line.find(" | ", bar1 + 3);
    const auto names = split(line.substr(0, bar1));
    const DType from = parse_dtype(names[0]);
    const DType to = parse_dtype(names[1]);
    const NDArray src = from_tokens(from, split(line.substr(bar1 + 3, bar2 - bar1 - 3)));
    const NDArray expected = from_tokens(to, split(line.substr(bar2 + 3)));
    const NDArray got = src.astype(to);
    EXPECT_TRUE(testing::identical(got, expected))
        << names[0] << " -> " << names[1] << "\n got: " << got.str()
        << "\nwant: " << expected.str();
    // The strided path must agree with the contiguous one.
    const NDArray reversed = src.slice(0, src.size() - 1, -1, -1);
    const NDArray got_reversed = reversed.astype(to);
    EXPECT_TRUE(testing::identical(got_reversed, expected.slice(0, src.size() - 1, -1, -1).copy()))
        << names[0] << " -> " << names[1] << " (strided)";
    ++pairs;
  }
  EXPECT_EQ(pairs, kNumDTypes * kNumDTypes);
}

TEST(Astype, AlwaysCopies) {
  const NDArray a = NDArray::from_values<float>({1, 2});
  const NDArray b = a.astype(DType::Float32);
  EXPECT_FALSE(b.may_share_memory(a));
  EXPECT_TRUE(array_equal(a, b));
}

TEST(Copy, StridedViewsBecomeCContiguous) {
  std::vector<double> v(60);
  for (int i = 0; i < 60; ++i) v[i] = i;
  const NDArray a = NDArray::from_vector(v, {3, 4, 5});
  const NDArray view = a.transpose({2, 0, 1}).slice(0, 4, -1, -2);  // shape (3, 3, 4)
  const NDArray c = view.copy();
  EXPECT_TRUE(c.is_c_contiguous());
  EXPECT_EQ(c.shape(), (Shape{3, 3, 4}));
  for (std::int64_t i = 0; i < 3; ++i) {
    for (std::int64_t j = 0; j < 3; ++j) {
      for (std::int64_t k = 0; k < 4; ++k) {
        ASSERT_EQ(c.at({i, j, k}), a.at({j, k, 4 - 2 * i}));
      }
    }
  }
}

TEST(Assign, BroadcastsAndConverts) {
  NDArray dst = NDArray::zeros(DType::Int16, {2, 3});
  dst.assign(NDArray::from_values<double>({1.9, -2.9, 300.5}));
  EXPECT_EQ(dst.to_vector<int>(), (std::vector<int>{1, -2, 300, 1, -2, 300}));
  dst.index(0, 1).assign(NDArray::scalar<std::int64_t>(70000));  // wraps as a C cast
  EXPECT_EQ(dst.to_vector<int>(), (std::vector<int>{1, -2, 300, 4464, 4464, 4464}));
  dst.transpose().slice(0, 2, -1, -2).assign(NDArray::from_values<bool>({true, false}));
  EXPECT_EQ(dst.to_vector<int>(), (std::vector<int>{1, -2, 1, 0, 4464, 0}));
  EXPECT_EQ(thrown_message<ValueError>([&] {
              dst.assign(NDArray::from_values<int>({1, 2}));
            }),
            "assign: could not broadcast input array from shape (2,) into shape (2, 3)");
}

TEST(Assign, OverlappingSourceIsReadBeforeWritten) {
  // a[1:] = a[:-1] on the same buffer: NumPy gives [0, 0, 1, 2, 3].
  NDArray a = NDArray::from_values<std::int32_t>({0, 1, 2, 3, 4});
  a.slice(0, 1, 5, 1).assign(a.slice(0, 0, 4, 1));
  EXPECT_EQ(a.to_vector<int>(), (std::vector<int>{0, 0, 1, 2, 3}));
  // a[:] = a[::-1] reverses in place.
  NDArray b = NDArray::from_values<float>({1, 2, 3, 4});
  b.assign(b.slice(0, 3, -1, -1));
  EXPECT_EQ(b.to_vector<float>(), (std::vector<float>{4, 3, 2, 1}));
  // m[:] = m.T for a square matrix.
  NDArray m = NDArray::from_values<double>({1, 2, 3, 4}, {2, 2});
  m.assign(m.transpose());
  EXPECT_EQ(m.to_vector<double>(), (std::vector<double>{1, 3, 2, 4}));
  // Converting assignment onto the same bytes (int32 bits read as float32).
  NDArray ints = NDArray::from_values<std::int32_t>({1, 2, 3});
  NDArray floats = NDArray::from_buffer(ints.buffer(), DType::Float32, {3}, {4}, 0);
  floats.assign(ints);
  EXPECT_EQ(floats.to_vector<float>(), (std::vector<float>{1, 2, 3}));
  // Assigning an array to itself is a no-op.
  b.assign(b);
  EXPECT_EQ(b.to_vector<float>(), (std::vector<float>{4, 3, 2, 1}));
}

TEST(Conversions, ItemAndToVector) {
  const NDArray c = NDArray::scalar(std::complex<double>(1.5, -2));
  EXPECT_EQ(c.item<double>(), 1.5);  // complex -> real keeps the real part
  EXPECT_EQ(c.item<std::complex<float>>(), std::complex<float>(1.5f, -2.0f));
  EXPECT_TRUE(c.item<bool>());
  EXPECT_EQ(NDArray::scalar(float16(0.333f)).item<float>(), float(float16(0.333f)));
  EXPECT_CONTAINS(thrown_message<ValueError>([] {
                    NDArray::from_values<int>({1, 2}).item<int>();
                  }),
                  "one element, got shape (2,)");
  const NDArray u = NDArray::from_values<std::uint64_t>({18446744073709551615ull, 3});
  EXPECT_EQ(u.to_vector<std::uint64_t>()[0], 18446744073709551615ull);
  EXPECT_EQ(u.to_vector<std::int64_t>()[0], -1);
  EXPECT_EQ(u.to_vector<double>()[1], 3.0);
}

TEST(Copy, LargeContiguousAndStridedCopiesAreExact) {
  const std::int64_t n = 1 << 20;
  std::vector<float> v(n);
  for (std::int64_t i = 0; i < n; ++i) v[i] = static_cast<float>(i % 9973) * 0.5f;
  const NDArray a = NDArray::from_vector(v, {1024, 1024});
  EXPECT_TRUE(array_equal(a.copy(), a));
  const NDArray t = a.transpose().copy();
  EXPECT_EQ(t.at({5, 7}), a.at({7, 5}));
  EXPECT_TRUE(array_equal(t.transpose(), a));  // array_equal walks plain rows, copy walks tiles
  const NDArray h = a.astype(DType::Float16).astype(DType::Float32);
  EXPECT_TRUE(allclose(h, a, 1e-3, 0));
}

TEST(Copy, TiledTransposesOfAwkwardShapes) {
  // Leading dim, sizes not multiples of the tile, a negative stride, conversion.
  std::vector<std::int32_t> v(3 * 100 * 70);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::int32_t>(i * 7 % 1000);
  const NDArray a = NDArray::from_vector(v, {3, 100, 70});
  const NDArray view = a.transpose({0, 2, 1}).slice(1, 69, -1, -1);  // (3, 70, 100)
  const NDArray c = view.astype(DType::Float64);
  for (std::int64_t k = 0; k < 3; ++k) {
    for (std::int64_t i = 0; i < 70; ++i) {
      for (std::int64_t j = 0; j < 100; ++j) ASSERT_EQ(c.at({k, i, j}), a.at({k, j, 69 - i}));
    }
  }
  // Assigning into a transposed destination tiles too.
  NDArray dst = NDArray::zeros(DType::Int32, {70, 100});
  dst.transpose().assign(a.index(0, 0));
  EXPECT_TRUE(array_equal(dst.transpose(), a.index(0, 0)));
}

}  // namespace
}  // namespace theano

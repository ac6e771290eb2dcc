// Reading NumPy-written .npy files (every dtype, big-endian, Fortran order,
// 0-d, empty, format 2.0 and 3.0) with exact expected values, and
// round-tripping every dtype and layout through serialize/parse and files.
#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>

#include "theano/core/ndarray.h"
#include "values_test_util.h"

namespace theano {
namespace {

using testing::identical;
using testing::npy_path;

const char* const kNames[] = {"bool",    "int8",    "int16",     "int32",     "int64",
                              "uint8",   "uint16",  "uint32",    "uint64",    "float16",
                              "float32", "float64", "complex64", "complex128"};

// The (2, 3) values make_npy.py stores in dtype_<name>.npy.
NDArray expected_golden(DType dtype) {
  NDArray out = NDArray::empty(dtype, {2, 3});
  visit_dtype(dtype, [&]<class T>(TypeTag<T>) {
    T* d = out.data<T>();
    if constexpr (std::is_same_v<T, bool>) {
      const bool v[] = {true, false, true, false, false, true};
      std::copy(v, v + 6, d);
    } else if constexpr (std::is_integral_v<T>) {
      using L = std::numeric_limits<T>;
      if constexpr (std::is_signed_v<T>) {
        const T v[] = {0, 1, -2, L::min(), L::max(), 7};
        std::copy(v, v + 6, d);
      } else {
        const T v[] = {0, 1, 2, static_cast<T>(L::max() - 1), L::max(), 7};
        std::copy(v, v + 6, d);
      }
    } else if constexpr (std::is_same_v<T, std::complex<float>> ||
                         std::is_same_v<T, std::complex<double>>) {
      using P = typename T::value_type;
      const T v[] = {{1, 2}, {-0.0, -0.5}, {3, 0}, {INFINITY, 1}, {P(NAN), 0}, {-1, -1}};
      std::copy(v, v + 6, d);
    } else {
      const double v[] = {0.0, -0.0, 1.5, -2.25, INFINITY, NAN};
      for (int i = 0; i < 6; ++i) d[i] = T(v[i]);
    }
  });
  return out;
}

TEST(NpyGolden, EveryDtypeReadsExactly) {
  for (const char* name : kNames) {
    const DType dtype = parse_dtype(name);
    const NDArray a = load_npy(npy_path("dtype_" + std::string(name) + ".npy"));
    EXPECT_EQ(a.dtype(), dtype) << name;
    EXPECT_EQ(a.shape(), (Shape{2, 3})) << name;
    EXPECT_TRUE(a.is_c_contiguous()) << name;
    EXPECT_TRUE(identical(a, expected_golden(dtype))) << name << ":\n" << a.str();
  }
}

TEST(NpyGolden, BigEndianFilesAreByteSwapped) {
  for (const char* name : kNames) {
    const DType dtype = parse_dtype(name);
    if (itemsize(dtype) == 1) continue;
    const NDArray a = load_npy(npy_path("be_" + std::string(name) + ".npy"));
    EXPECT_EQ(a.dtype(), dtype) << name;
    EXPECT_TRUE(identical(a, expected_golden(dtype))) << name << ":\n" << a.str();
  }
}

TEST(NpyGolden, FortranOrderGivesAnFContiguousArray) {
  const NDArray a = load_npy(npy_path("fortran_float64.npy"));
  EXPECT_EQ(a.shape(), (Shape{2, 3}));
  EXPECT_TRUE(a.is_f_contiguous());
  EXPECT_FALSE(a.is_c_contiguous());
  EXPECT_EQ(a.to_vector<double>(), (std::vector<double>{0, 1.5, 3, 4.5, 6, 7.5}));
  const NDArray b = load_npy(npy_path("fortran_int32_3d.npy"));
  EXPECT_EQ(b.strides(), (Strides{4, 8, 24}));
  for (std::int64_t i = 0; i < 2; ++i) {
    for (std::int64_t j = 0; j < 3; ++j) {
      for (std::int64_t k = 0; k < 4; ++k) EXPECT_EQ(b.at({i, j, k}), i * 12 + j * 4 + k);
    }
  }
}

TEST(NpyGolden, ScalarsEmptiesAndNewerVersions) {
  const NDArray s = load_npy(npy_path("scalar_float64.npy"));
  EXPECT_EQ(s.ndim(), 0);
  EXPECT_EQ(s.item<double>(), 3.25);
  EXPECT_TRUE(load_npy(npy_path("scalar_bool.npy")).item<bool>());
  EXPECT_EQ(load_npy(npy_path("scalar_complex128.npy")).item<std::complex<double>>(),
            std::complex<double>(1.5, -2));
  const NDArray e = load_npy(npy_path("empty_float32_0x3.npy"));
  EXPECT_EQ(e.dtype(), DType::Float32);
  EXPECT_EQ(e.shape(), (Shape{0, 3}));
  EXPECT_EQ(load_npy(npy_path("empty_int64_0.npy")).shape(), (Shape{0}));
  EXPECT_EQ(load_npy(npy_path("v2_float32.npy")).to_vector<float>(),
            (std::vector<float>{0, 0.25f, 0.5f, 0.75f, 1.0f}));
  const NDArray v3 = load_npy(npy_path("v3_int16.npy"));
  EXPECT_EQ(v3.shape(), (Shape{3, 2}));
  EXPECT_EQ(v3.to_vector<int>(), (std::vector<int>{-3, -2, -1, 0, 1, 2}));
}

TEST(NpyRoundTrip, EveryDtypeAndLayout) {
  for (const char* name : kNames) {
    const NDArray golden = expected_golden(parse_dtype(name));
    for (const NDArray& a : {golden, golden.transpose(), golden.slice(1, 2, -1, -2),
                             golden.index(0, 1).reshape({1, 3, 1}), golden.index(1, 2).index(0, 0),
                             golden.slice(0, 0, 0, 1)}) {
      const NDArray back = parse_npy(serialize_npy(a));
      EXPECT_EQ(back.shape(), a.shape()) << name;
      EXPECT_TRUE(identical(back, a)) << name << " " << a.summary();
    }
    // A transposed (F-contiguous) array is written with fortran_order True.
    const std::vector<std::byte> bytes = serialize_npy(golden.transpose());
    const std::string header(reinterpret_cast<const char*>(bytes.data()) + 10, 70);
    EXPECT_CONTAINS(header, "'fortran_order': True");
    EXPECT_TRUE(parse_npy(bytes).is_f_contiguous());
  }
}

TEST(NpyRoundTrip, WritesHeadersNumPyCanRead) {
  const NDArray a = NDArray::from_values<std::int16_t>({1, 2, 3}, {3});
  const std::vector<std::byte> bytes = serialize_npy(a);
  ASSERT_EQ(bytes.size(), 128u + 6u);  // header padded to 64 bytes, then data
  const std::string head(reinterpret_cast<const char*>(bytes.data()), 128);
  EXPECT_EQ(head.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
  EXPECT_EQ(head.substr(10, 57), "{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }");
  EXPECT_EQ(head.back(), '\n');
  const std::vector<std::byte> scalar = serialize_npy(NDArray::scalar(std::uint64_t{5}));
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(scalar.data()) + 10, 55),
            "{'descr': '<u8', 'fortran_order': False, 'shape': (), }");
}

TEST(NpyRoundTrip, SaveAndLoadFiles) {
  const std::string path = std::string(THEANO_BUILD_DIR) + "/values_test_roundtrip.npy";
  const NDArray a = NDArray::from_values<float>({1.5f, -2.0f, 3.25f, 0.0f}, {2, 2});
  save_npy(path, a);
  EXPECT_TRUE(array_equal(load_npy(path), a));
  std::remove(path.c_str());
  EXPECT_CONTAINS(testing::thrown_message<IOError>([&] { load_npy(path); }), "cannot open");
  EXPECT_CONTAINS(testing::thrown_message<IOError>([] { load_npy(THEANO_TEST_DATA_DIR); }),
                  "it is a directory");
  EXPECT_CONTAINS(testing::thrown_message<IOError>([] { load_npy(npy_path("promote_types.txt")); }),
                  "promote_types.txt': malformed .npy: bad magic bytes");
  EXPECT_CONTAINS(testing::thrown_message<IOError>(
                      [] { save_npy("/nonexistent/dir/x.npy", NDArray::scalar(1)); }),
                  "cannot open '/nonexistent/dir/x.npy' for writing");
}

}  // namespace
}  // namespace theano

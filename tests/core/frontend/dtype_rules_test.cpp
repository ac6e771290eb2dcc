// The front end's dtype rules: NumPy promotion between tensors, C++ numbers
// as weak scalars (value-based, floatX for floats meeting integers), floatX
// for untyped constructors, and implicit downcasts refused.
#include <gtest/gtest.h>

#include "theano/core/config.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace theano::tensor {
namespace {

namespace T = theano::tensor;

class FrontendDtypes : public ::testing::Test {
 protected:
  void SetUp() override { initialize(); }
};

TensorVar of(DType d) {
  return T::tensor(d, 1);
}

TEST_F(FrontendDtypes, TensorTensorPromotionIsNumPys) {
  struct Row {
    DType a, b, want;
  };
  const Row table[] = {
      {DType::Int8, DType::Int8, DType::Int8},
      {DType::Int8, DType::UInt8, DType::Int16},
      {DType::Int32, DType::Float32, DType::Float64},
      {DType::Int8, DType::Float32, DType::Float32},
      {DType::Int64, DType::Float32, DType::Float64},
      {DType::UInt64, DType::Int64, DType::Float64},
      {DType::Bool, DType::Int8, DType::Int8},
      {DType::Float16, DType::Float32, DType::Float32},
      {DType::Float32, DType::Complex64, DType::Complex64},
      {DType::Float64, DType::Complex64, DType::Complex128},
  };
  for (const Row& r : table) {
    EXPECT_EQ((of(r.a) + of(r.b)).dtype(), r.want) << dtype_name(r.a) << " + " << dtype_name(r.b);
  }
}

TEST_F(FrontendDtypes, WeakScalarsKeepTheTensorsDtype) {
  auto f32 = T::fvector(), f16 = T::tensor(DType::Float16, 1), i8 = T::bvector(),
       u8 = of(DType::UInt8);
  auto i32 = T::ivector(), b = of(DType::Bool), c64 = T::cvector();
  EXPECT_EQ((f32 * 2.0).dtype(), DType::Float32);
  EXPECT_EQ((2.0 * f32).dtype(), DType::Float32);
  EXPECT_EQ((f32 + 1).dtype(), DType::Float32);
  EXPECT_EQ((f16 * 0.5).dtype(), DType::Float16);
  EXPECT_EQ((f16 * 1e6).dtype(), DType::Float32);  // does not fit float16
  EXPECT_EQ((i8 + 1).dtype(), DType::Int8);
  EXPECT_EQ((i8 + 1000).dtype(), DType::Int16);  // NumPy's value-based rule
  EXPECT_EQ((i8 + 100000).dtype(), DType::Int32);
  EXPECT_EQ((u8 + 300).dtype(), DType::UInt16);
  EXPECT_EQ((u8 - 1).dtype(), DType::UInt8);
  EXPECT_EQ((u8 + (-1)).dtype(), DType::Int16);
  // A float meeting integers is a floatX constant; promotion then follows
  // NumPy (and Theano): int8 * 2.5 is float32, int32 * 2.5 is float64.
  EXPECT_EQ((i8 * 2.5).dtype(), DType::Float32);
  EXPECT_EQ((i32 * 2.5).dtype(), DType::Float64);
  EXPECT_EQ((b + 1).dtype(), DType::Int8);
  EXPECT_EQ((b & true).dtype(), DType::Bool);
  EXPECT_EQ((c64 * 2.0).dtype(), DType::Complex64);
  EXPECT_EQ((f32 * std::complex<double>(0, 1)).dtype(), DType::Complex64);
  EXPECT_EQ(T::as_tensor(3).dtype(), DType::Int8);
  EXPECT_EQ(T::as_tensor(3.5).dtype(), floatX());
  EXPECT_EQ(T::as_tensor(true).dtype(), DType::Bool);
}

TEST_F(FrontendDtypes, ResultDtypeAnswersWithoutBuilding) {
  EXPECT_EQ(result_dtype({DType::Int8}, {WeakScalar::of(1000)}), DType::Int16);
  EXPECT_EQ(result_dtype({}, {WeakScalar::of(2.0)}), floatX());
  EXPECT_EQ(result_dtype({DType::Float64}, {WeakScalar::of(2.0f)}), DType::Float64);
  EXPECT_EQ(weak_dtype(WeakScalar::of(std::uint64_t(1) << 63), DType::Int64), DType::UInt64);
}

TEST_F(FrontendDtypes, UntypedConstructorsUseFloatX) {
  EXPECT_EQ(T::matrix().dtype(), floatX());
  {
    ScopedFlags flags(std::map<std::string, std::string>{{"floatX", "float64"}});
    EXPECT_EQ(T::vector().dtype(), DType::Float64);
    EXPECT_EQ((T::ivector() * 0.5).dtype(), DType::Float64);
  }
  EXPECT_EQ(T::fscalar().dtype(), DType::Float32);
  EXPECT_EQ(T::dvector().dtype(), DType::Float64);
  EXPECT_EQ(T::imatrix().dtype(), DType::Int32);
  EXPECT_EQ(T::lvector().dtype(), DType::Int64);
  EXPECT_EQ(T::btensor3().dtype(), DType::Int8);
  EXPECT_EQ(T::wrow().dtype(), DType::Int16);
  EXPECT_EQ(T::zmatrix().dtype(), DType::Complex128);
  EXPECT_EQ(T::row().static_shape(), (StaticShape{1, std::nullopt}));
  EXPECT_EQ(T::col().static_shape(), (StaticShape{std::nullopt, 1}));
  EXPECT_EQ(T::tensor4().ndim(), 4);
  EXPECT_EQ(T::tensor(DType::Int16, {2, std::nullopt}).static_shape(),
            (StaticShape{2, std::nullopt}));
}

TEST_F(FrontendDtypes, ImplicitDowncastIsAnError) {
  EXPECT_THROW(T::constant(1000, DType::Int8), TypeError);
  EXPECT_THROW(T::constant(0.5, DType::Int32), TypeError);
  EXPECT_THROW(T::constant(2, DType::Bool), TypeError);
  EXPECT_THROW(T::constant(1e300, DType::Float32), TypeError);
  EXPECT_EQ(T::constant(0.1, DType::Float32).dtype(), DType::Float32);  // rounding is fine
  EXPECT_EQ(T::cast(T::dvector(), DType::Int8).dtype(), DType::Int8);   // asked for
}

TEST_F(FrontendDtypes, ConstantsFromArraysKeepDtypeAndShape) {
  TensorVar c = T::constant(NDArray::from_values<std::int16_t>({1, 2, 3, 4}, {2, 2}));
  EXPECT_EQ(c.dtype(), DType::Int16);
  EXPECT_EQ(c.static_shape(), (StaticShape{2, 2}));
  EXPECT_EQ((T::fmatrix() + NDArray::from_values<double>({1.0, 2.0})).dtype(), DType::Float64);
}

TEST_F(FrontendDtypes, Float64WarningCanBeMadeAnError) {
  ScopedFlags flags(std::map<std::string, std::string>{{"warn_float64", "raise"}});
  EXPECT_THROW((void)(T::ivector() / T::ivector()), TypeError);  // int32 / int32 -> float64
  EXPECT_NO_THROW((void)(T::dvector() * 2));                     // float64 was asked for
  EXPECT_NO_THROW((void)(T::fvector() * 2.0));
}

}  // namespace
}  // namespace theano::tensor

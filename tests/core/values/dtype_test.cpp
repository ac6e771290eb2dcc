// DType names, sizes and kinds, and the promotion and safe-cast tables
// checked against NumPy-made golden tables.
#include <sstream>

#include "theano/core/dtype.h"
#include "values_test_util.h"

namespace theano {
namespace {

using testing::read_lines;
using testing::thrown_message;

TEST(DType, NamesRoundTripThroughParse) {
  for (int i = 0; i < kNumDTypes; ++i) {
    const auto dtype = static_cast<DType>(i);
    EXPECT_EQ(parse_dtype(dtype_name(dtype)), dtype);
  }
  EXPECT_EQ(dtype_name(DType::Complex128), "complex128");
  EXPECT_EQ(dtype_name(DType::Bool), "bool");
}

TEST(DType, UnknownNameListsTheValidOnes) {
  const std::string message = thrown_message<ValueError>([] { parse_dtype("float128"); });
  EXPECT_CONTAINS(message, "float128");
  EXPECT_CONTAINS(message, "float16");
  EXPECT_CONTAINS(message, "complex128");
}

TEST(DType, ItemsizeAndKindMatchNumPy) {
  const std::vector<std::tuple<DType, std::size_t, char>> expected = {
      {DType::Bool, 1, 'b'},      {DType::Int8, 1, 'i'},       {DType::Int16, 2, 'i'},
      {DType::Int32, 4, 'i'},     {DType::Int64, 8, 'i'},      {DType::UInt8, 1, 'u'},
      {DType::UInt16, 2, 'u'},    {DType::UInt32, 4, 'u'},     {DType::UInt64, 8, 'u'},
      {DType::Float16, 2, 'f'},   {DType::Float32, 4, 'f'},    {DType::Float64, 8, 'f'},
      {DType::Complex64, 8, 'c'}, {DType::Complex128, 16, 'c'}};
  for (const auto& [dtype, size, kind] : expected) {
    EXPECT_EQ(itemsize(dtype), size) << dtype_name(dtype);
    EXPECT_EQ(dtype_kind(dtype), kind) << dtype_name(dtype);
    visit_dtype(dtype, [&]<class T>(TypeTag<T>) {
      EXPECT_EQ(sizeof(T), size);
      EXPECT_EQ(dtype_v<T>, dtype);
    });
  }
}

TEST(DType, RealDtype) {
  EXPECT_EQ(real_dtype(DType::Complex64), DType::Float32);
  EXPECT_EQ(real_dtype(DType::Complex128), DType::Float64);
  EXPECT_EQ(real_dtype(DType::Int16), DType::Int16);
}

// Reads a golden table: row dtype name followed by 14 entries.
std::vector<std::vector<std::string>> read_table(const std::string& name) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : read_lines(name)) {
    std::istringstream in(line);
    std::vector<std::string> row;
    for (std::string word; in >> word;) row.push_back(word);
    EXPECT_EQ(row.size(), static_cast<std::size_t>(kNumDTypes + 1)) << line;
    rows.push_back(row);
  }
  EXPECT_EQ(rows.size(), static_cast<std::size_t>(kNumDTypes));
  return rows;
}

TEST(DType, PromoteTypesMatchesNumPyResultType) {
  for (const auto& row : read_table("promote_types.txt")) {
    const DType a = parse_dtype(row[0]);
    for (int j = 0; j < kNumDTypes; ++j) {
      const auto b = static_cast<DType>(j);
      EXPECT_EQ(dtype_name(promote_types(a, b)), row[j + 1])
          << dtype_name(a) << " + " << dtype_name(b);
    }
  }
}

TEST(DType, CanCastSafelyMatchesNumPy) {
  for (const auto& row : read_table("can_cast_safe.txt")) {
    const DType from = parse_dtype(row[0]);
    for (int j = 0; j < kNumDTypes; ++j) {
      const auto to = static_cast<DType>(j);
      EXPECT_EQ(can_cast_safely(from, to), row[j + 1] == "1")
          << dtype_name(from) << " -> " << dtype_name(to);
    }
  }
}

TEST(DType, Predicates) {
  EXPECT_TRUE(is_discrete(DType::Bool));
  EXPECT_TRUE(is_discrete(DType::UInt64));
  EXPECT_FALSE(is_discrete(DType::Float16));
  EXPECT_TRUE(is_float(DType::Float16));
  EXPECT_FALSE(is_float(DType::Complex64));
  EXPECT_TRUE(is_complex(DType::Complex64));
  EXPECT_TRUE(is_signed_int(DType::Int8));
  EXPECT_FALSE(is_signed_int(DType::UInt8));
}

}  // namespace
}  // namespace theano

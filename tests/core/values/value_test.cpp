// Value (empty / NDArray / opaque) accessors, deep copies and summaries, and
// SourceLoc printing.
#include <source_location>

#include "theano/core/value.h"
#include "values_test_util.h"

namespace theano {
namespace {

using testing::thrown_message;

class Counter : public OpaqueValue {
 public:
  explicit Counter(int n) : n(n) {}
  std::string summary() const override { return "counter " + std::to_string(n); }
  std::size_t nbytes() const override { return sizeof(int); }
  std::shared_ptr<OpaqueValue> deep_copy() const override { return std::make_shared<Counter>(n); }
  int n;
};

TEST(Value, EmptyValue) {
  const Value v;
  EXPECT_TRUE(v.empty());
  EXPECT_FALSE(v.is_array());
  EXPECT_FALSE(v.is_opaque());
  EXPECT_EQ(v.nbytes(), 0u);
  EXPECT_EQ(v.summary(), "<empty value>");
  EXPECT_EQ(thrown_message<TypeError>([&] { v.array(); }),
            "expected an NDArray value, got <empty value>");
  EXPECT_TRUE(Value(NDArray()).empty());
  EXPECT_TRUE(v.deep_copy().empty());
}

TEST(Value, HoldsAnArray) {
  Value v = NDArray::from_values<float>({1, 2, 3});
  EXPECT_TRUE(v.is_array());
  EXPECT_FALSE(v.empty());
  EXPECT_EQ(v.nbytes(), 12u);
  EXPECT_EQ(v.summary(), "float32 (3,)");
  EXPECT_EQ(v.opaque<Counter>(), nullptr);
  const Value shallow = v;
  const Value deep = v.deep_copy();
  v.array().data<float>()[0] = 9;
  EXPECT_EQ(shallow.array().at({0}), 9);  // copies share storage
  EXPECT_EQ(deep.array().at({0}), 1);     // deep copies do not
  EXPECT_CONTAINS(thrown_message<TypeError>([&] { v.opaque_ptr(); }),
                  "expected an opaque value, got float32 (3,)");
  v.reset();
  EXPECT_TRUE(v.empty());
}

TEST(Value, HoldsAnOpaqueValue) {
  const Value v(std::make_shared<Counter>(4));
  EXPECT_TRUE(v.is_opaque());
  EXPECT_EQ(v.summary(), "counter 4");
  EXPECT_EQ(v.nbytes(), sizeof(int));
  ASSERT_NE(v.opaque<Counter>(), nullptr);
  const Value copy = v.deep_copy();
  EXPECT_NE(copy.opaque<Counter>(), v.opaque<Counter>());
  EXPECT_EQ(copy.opaque<Counter>()->n, 4);
  EXPECT_EQ(thrown_message<TypeError>([&] { v.array(); }),
            "expected an NDArray value, got counter 4");
}

TEST(SourceLoc, Prints) {
  EXPECT_EQ(SourceLoc{}.str(), "<unknown>");
  EXPECT_EQ((SourceLoc{"model.cpp", 42, "main"}).str(), "model.cpp:42");
  const SourceLoc here = SourceLoc::from(std::source_location::current());
  EXPECT_TRUE(here.known());
  EXPECT_CONTAINS(here.str(), "value_test.cpp:");
}

}  // namespace
}  // namespace theano

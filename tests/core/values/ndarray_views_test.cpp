// Zero-copy views: from_buffer bounds checks (negative strides included),
// transpose, slice with positive and negative steps, index, broadcast_to and
// reshape (view when possible, copy otherwise), checked against hand-worked values.
#include "theano/core/ndarray.h"
#include "values_test_util.h"

namespace theano {
namespace {

using testing::thrown_message;

NDArray arange(std::int64_t n, Shape shape) {
  std::vector<std::int32_t> values(n);
  for (std::int64_t i = 0; i < n; ++i) values[i] = static_cast<std::int32_t>(i);
  return NDArray::from_vector(values, std::move(shape));
}

std::vector<std::int32_t> values(const NDArray& a) {
  return a.to_vector<std::int32_t>();
}

TEST(Shape, HelpersMatchNumPy) {
  EXPECT_EQ(shape_size({}), 1);
  EXPECT_EQ(shape_size({2, 0, 3}), 0);
  EXPECT_EQ(c_strides({2, 3, 4}, 4), (Strides{48, 16, 4}));
  EXPECT_EQ(f_strides({2, 3, 4}, 4), (Strides{4, 8, 24}));
  EXPECT_EQ(shape_str({}), "()");
  EXPECT_EQ(shape_str({5}), "(5,)");
  EXPECT_EQ(shape_str({2, 3}), "(2, 3)");
}

TEST(NDArray, EmptyZerosFullAndScalars) {
  const NDArray z = NDArray::zeros(DType::Float32, {2, 3});
  EXPECT_EQ(z.summary(), "float32 (2, 3)");
  EXPECT_EQ(z.strides(), (Strides{12, 4}));
  EXPECT_EQ(z.to_vector<float>(), std::vector<float>(6, 0.0f));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(z.raw_data()) % kBufferAlignment, 0u);
  EXPECT_EQ(NDArray::full(DType::Int8, {3}, 300.7).to_vector<int>(),
            (std::vector<int>{44, 44, 44}));
  EXPECT_EQ(NDArray::full(DType::Bool, {2}, 0.5).to_vector<int>(), (std::vector<int>{1, 1}));
  const NDArray s = NDArray::scalar(2.5);
  EXPECT_EQ(s.ndim(), 0);
  EXPECT_EQ(s.size(), 1);
  EXPECT_EQ(s.item<double>(), 2.5);
  EXPECT_EQ(NDArray::empty(DType::Int64, {0, 5}).nbytes(), 0u);
  EXPECT_FALSE(NDArray().defined());
  EXPECT_CONTAINS(thrown_message<ValueError>([] {
                    NDArray::empty(DType::Int8, {2, -1});
                  }),
                  "negative dimension");
  EXPECT_CONTAINS(thrown_message<ValueError>([] {
                    NDArray::empty(DType::Int64, {1 << 30, 1 << 30, 1 << 30});
                  }),
                  "overflows");
  EXPECT_CONTAINS(thrown_message<TypeError>([&] { z.data<double>(); }), "float32");
  EXPECT_CONTAINS(thrown_message<ValueError>([] {
                    NDArray::from_values<int>({1, 2, 3}, {2, 2});
                  }),
                  "do not fill shape (2, 2)");
}

TEST(NDArray, FromBufferChecksEveryAddressedByte) {
  auto buffer = Buffer::allocate(24);  // room for six int32
  EXPECT_NO_THROW(NDArray::from_buffer(buffer, DType::Int32, {2, 3}, {12, 4}, 0));
  // Negative strides walking backwards from the last element stay inside.
  const NDArray reversed = NDArray::from_buffer(buffer, DType::Int32, {2, 3}, {-12, -4}, 20);
  EXPECT_EQ(reversed.offset(), 20);
  const std::string past_end = thrown_message<ValueError>([&] {
    NDArray::from_buffer(buffer, DType::Int32, {2, 3}, {12, 4}, 4);
  });
  EXPECT_CONTAINS(past_end, "[4, 28) outside the buffer of 24 bytes");
  const std::string before_start = thrown_message<ValueError>([&] {
    NDArray::from_buffer(buffer, DType::Int32, {2, 3}, {-12, -4}, 16);
  });
  EXPECT_CONTAINS(before_start, "[-4, 20)");
  EXPECT_CONTAINS(thrown_message<ValueError>([&] {
                    NDArray::from_buffer(buffer, DType::Int32, {3}, {4, 4}, 0);
                  }),
                  "has 1 dims but strides (4, 4) has 2");
  EXPECT_CONTAINS(
      thrown_message<ValueError>([&] { NDArray::from_buffer(buffer, DType::Int32, {2}, {4}, 2); }),
      "alignment");
  EXPECT_CONTAINS(thrown_message<ValueError>(
                      [&] { NDArray::from_buffer(buffer, DType::Int32, {3}, {INT64_MAX / 2}, 0); }),
                  "overflows");
  EXPECT_CONTAINS(
      thrown_message<ValueError>([&] { NDArray::from_buffer(buffer, DType::Int32, {0}, {4}, 28); }),
      "outside the buffer");
  EXPECT_NO_THROW(NDArray::from_buffer(buffer, DType::Int32, {0}, {4}, 24));
  EXPECT_NO_THROW(NDArray::from_buffer(buffer, DType::Int32, {4}, {0}, 8));  // stride 0
}

TEST(NDArray, ViewsShareTheBuffer) {
  NDArray a = arange(6, {2, 3});
  NDArray t = a.transpose();
  EXPECT_EQ(t.shape(), (Shape{3, 2}));
  EXPECT_EQ(t.strides(), (Strides{4, 12}));
  EXPECT_EQ(values(t), (std::vector<std::int32_t>{0, 3, 1, 4, 2, 5}));
  EXPECT_TRUE(t.may_share_memory(a));
  EXPECT_FALSE(t.is_c_contiguous());
  EXPECT_TRUE(t.is_f_contiguous());
  a.data<std::int32_t>()[1] = 42;
  EXPECT_EQ(t.at({1, 0}), 42);
  const NDArray v = a.view({3}, {8}, 0);  // every other element of the flat buffer
  EXPECT_EQ(values(v), (std::vector<std::int32_t>{0, 2, 4}));
}

TEST(NDArray, TransposeWithPermutation) {
  const NDArray a = arange(24, {2, 3, 4});
  const NDArray p = a.transpose({1, 2, 0});
  EXPECT_EQ(p.shape(), (Shape{3, 4, 2}));
  EXPECT_EQ(p.at({2, 1, 1}), 12 + 2 * 4 + 1);
  EXPECT_EQ(a.transpose({-1, 0, 1}).shape(), (Shape{4, 2, 3}));
  EXPECT_CONTAINS(thrown_message<ValueError>([&] { a.transpose({0, 0, 1}); }), "repeated");
  EXPECT_CONTAINS(thrown_message<ValueError>([&] { a.transpose({0, 1}); }), "2 axes");
  EXPECT_CONTAINS(thrown_message<ValueError>([&] {
                    a.transpose({0, 1, 3});
                  }),
                  "axis 3 is out of bounds for array of dimension 3");
}

TEST(NDArray, SliceFollowsPythonSemantics) {
  const NDArray a = arange(10, {10});
  EXPECT_EQ(values(a.slice(0, 2, 8, 3)), (std::vector<std::int32_t>{2, 5}));  // a[2:8:3]
  EXPECT_EQ(values(a.slice(0, 9, -1, -1)),                                    // a[::-1]
            (std::vector<std::int32_t>{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
  EXPECT_EQ(values(a.slice(0, 8, 1, -3)), (std::vector<std::int32_t>{8, 5, 2}));  // a[8:1:-3]
  EXPECT_EQ(a.slice(0, 5, 5, 1).size(), 0);
  EXPECT_EQ(a.slice(0, 7, 2, 1).size(), 0);
  const NDArray m = arange(12, {3, 4});
  const NDArray r = m.slice(1, 3, -1, -2);  // m[:, ::-2]
  EXPECT_EQ(r.shape(), (Shape{3, 2}));
  EXPECT_EQ(r.strides(), (Strides{16, -8}));
  EXPECT_EQ(values(r), (std::vector<std::int32_t>{3, 1, 7, 5, 11, 9}));
  const NDArray rr = r.slice(0, 2, -1, -1);  // then rows reversed
  EXPECT_EQ(values(rr), (std::vector<std::int32_t>{11, 9, 7, 5, 3, 1}));
  EXPECT_EQ(values(rr.copy()), values(rr));
  EXPECT_TRUE(rr.copy().is_c_contiguous());
  EXPECT_CONTAINS(thrown_message<ValueError>([&] { a.slice(0, 0, 5, 0); }), "step cannot be zero");
  EXPECT_CONTAINS(thrown_message<IndexError>([&] { a.slice(0, 0, 12, 1); }), "not normalised");
}

TEST(NDArray, IndexDropsTheAxis) {
  const NDArray m = arange(12, {3, 4});
  EXPECT_EQ(values(m.index(0, 1)), (std::vector<std::int32_t>{4, 5, 6, 7}));
  EXPECT_EQ(values(m.index(1, -1)), (std::vector<std::int32_t>{3, 7, 11}));
  EXPECT_EQ(m.index(0, 2).index(0, 3).ndim(), 0);
  EXPECT_EQ(m.index(0, 2).index(0, 3).item<int>(), 11);
  EXPECT_EQ(thrown_message<IndexError>([&] { m.index(1, 4); }),
            "index 4 is out of bounds for axis 1 with size 4");
  EXPECT_EQ(thrown_message<IndexError>([&] { m.index(0, -4); }),
            "index -4 is out of bounds for axis 0 with size 3");
}

TEST(NDArray, BroadcastToUsesZeroStrides) {
  const NDArray col = arange(3, {3, 1});
  const NDArray b = col.broadcast_to({2, 3, 4});
  EXPECT_EQ(b.strides(), (Strides{0, 4, 0}));
  EXPECT_EQ(b.at({1, 2, 3}), 2);
  EXPECT_EQ(values(arange(2, {2}).broadcast_to({2, 2})), (std::vector<std::int32_t>{0, 1, 0, 1}));
  EXPECT_EQ(arange(1, {1}).broadcast_to({0}).size(), 0);
  EXPECT_EQ(thrown_message<ValueError>([&] {
              col.broadcast_to({3, 2, 4});
            }),
            "cannot broadcast shape (3, 1) to (3, 2, 4)");
  EXPECT_CONTAINS(thrown_message<ValueError>([&] { col.broadcast_to({3}); }), "cannot broadcast");
}

TEST(NDArray, ReshapeIsAViewWhenTheLayoutAllows) {
  const NDArray a = arange(24, {2, 3, 4});
  const NDArray r = a.reshape({6, -1});
  EXPECT_EQ(r.shape(), (Shape{6, 4}));
  EXPECT_TRUE(r.may_share_memory(a));
  EXPECT_EQ(r.at({5, 3}), 23);
  // A slice along the last axis keeps rows mergeable on the leading axes.
  const NDArray s = a.slice(2, 0, 4, 2);  // (2, 3, 2) with strides (48, 16, 8)
  const NDArray sr = s.reshape({6, 2});
  EXPECT_TRUE(sr.may_share_memory(a));
  EXPECT_EQ(sr.strides(), (Strides{16, 8}));
  EXPECT_EQ(values(sr), values(s));
  // Reversed or transposed data cannot be reshaped in place: a copy.
  const NDArray t = a.transpose();
  const NDArray tr = t.reshape({-1});
  EXPECT_FALSE(tr.may_share_memory(a));
  EXPECT_EQ(values(tr), values(t));
  EXPECT_EQ(tr.at({1}), 12);
  // Size-1 dims come and go freely.
  EXPECT_EQ(a.reshape({1, 2, 1, 12, 1}).strides()[3], 4);
  EXPECT_TRUE(a.reshape({1, 2, 1, 12, 1}).may_share_memory(a));
  EXPECT_EQ(NDArray::scalar(3).reshape({1, 1}).shape(), (Shape{1, 1}));
  EXPECT_EQ(arange(1, {1}).reshape({}).ndim(), 0);
  EXPECT_EQ(NDArray::empty(DType::Float32, {0, 3}).reshape({3, -1, 5}).shape(), (Shape{3, 0, 5}));
  EXPECT_CONTAINS(thrown_message<ValueError>([&] {
                    a.reshape({5, -1});
                  }),
                  "cannot reshape array of size 24");
  EXPECT_CONTAINS(thrown_message<ValueError>([&] { a.reshape({-1, -1}); }), "one unknown");
  EXPECT_CONTAINS(thrown_message<ValueError>([&] { a.reshape({-2, -12}); }), "negative");
}

TEST(NDArray, ContiguityFlags) {
  EXPECT_TRUE(arange(6, {1, 6}).transpose().is_c_contiguous());  // size-1 dims do not count
  EXPECT_TRUE(NDArray::empty(DType::Int8, {0, 3}).transpose().is_c_contiguous());
  const NDArray a = arange(6, {2, 3});
  EXPECT_FALSE(a.slice(1, 0, 3, 2).is_c_contiguous());
  EXPECT_TRUE(a.ascontiguous().may_share_memory(a));
  EXPECT_FALSE(a.transpose().ascontiguous().may_share_memory(a));
  EXPECT_EQ(a.dim(-1), 3);
  EXPECT_CONTAINS(thrown_message<ValueError>([&] { a.dim(2); }), "axis 2 is out of bounds");
}

}  // namespace
}  // namespace theano

// Registration of the indexing ops of subtensor/ (with example cases for the
// plugin harness) and of their rewrites.
#include "../registration.h"
#include "adv1_op.h"
#include "advanced_op.h"
#include "rewrites.h"
#include "subtensor_op.h"

namespace theano::tensor_ops {

namespace indexing {
namespace {

NDArray matrix34() {
  return NDArray::from_values<double>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {3, 4});
}

NDArray ivec(std::initializer_list<std::int64_t> v) {
  return NDArray::from_values<std::int64_t>(v);
}

PropValue rows_reversed_col1() {
  return encode_idx(
      {IndexEntry::slice(Component::none(), Component::none(), Component::constant(-1)),
       IndexEntry::integer(Component::constant(1))});
}

PropValue sym_start_slice() {
  return encode_idx({IndexEntry::slice(Component::sym(), Component::none(), Component::none())});
}

PropValue array_then_slice() {
  return encode_idx({IndexEntry{IndexEntry::Kind::Array, {}, {}, {}}, IndexEntry::full()});
}

PropValue mask_entry() {
  return encode_idx({IndexEntry{IndexEntry::Kind::Mask, {}, {}, {}}});
}

void register_basic(Registrar& r) {
  r.add_op(
      OpSchema{"Subtensor",
               "basic slicing and integer indexing (a zero-copy view; symbolic bounds are inputs)",
               &SubtensorOp::from_props,
               {ExampleCase{"x[::-1, 1]", Props{{"idx_list", rows_reversed_col1()}}, {matrix34()}},
                ExampleCase{"x[i:]",
                            Props{{"idx_list", sym_start_slice()}},
                            {matrix34(), NDArray::scalar<std::int64_t>(1)}}}});
  r.add_op(OpSchema{
      "IncSubtensor",
      "x with x[idx] incremented by (or set to) y; inplace overwrites x",
      &IncSubtensorOp::from_props,
      {ExampleCase{"inc x[::-1, 1]",
                   Props{{"idx_list", rows_reversed_col1()}, {"set_instead_of_inc", false}},
                   {matrix34(), NDArray::from_values<double>({1, 2, 3})}},
       ExampleCase{"set x[i:]",
                   Props{{"idx_list", sym_start_slice()}, {"set_instead_of_inc", true}},
                   {matrix34(), NDArray::from_values<double>({1, 2, 3, 4}, {1, 4}),
                    NDArray::scalar<std::int64_t>(1)},
                   {TensorType::make(DType::Float64, 2), TensorType::make(DType::Float64, {1, 4}),
                    TensorType::make(DType::Int64, 0)}}}});
}

void register_advanced1(Registrar& r) {
  r.add_op(OpSchema{"AdvancedSubtensor1",
                    "rows of x gathered by an integer vector (x[ivec], bounds-checked)",
                    &AdvancedSubtensor1Op::from_props,
                    {ExampleCase{"x[[2, 0, 2, -1]]", {}, {matrix34(), ivec({2, 0, 2, -1})}}}});
  r.add_op(OpSchema{
      "AdvancedIncSubtensor1",
      "rows of x incremented by (or set to) y; repeated indices accumulate for inc",
      &AdvancedIncSubtensor1Op::from_props,
      {ExampleCase{"inc rows [0, 2, 0]",
                   Props{{"set_instead_of_inc", false}},
                   {matrix34(), NDArray::full(DType::Float64, {3, 4}, 1.5), ivec({0, 2, 0})}},
       ExampleCase{"set rows [1]",
                   Props{{"set_instead_of_inc", true}},
                   {matrix34(), NDArray::full(DType::Float64, {1, 4}, -1), ivec({1})}}}});
}

void register_advanced(Registrar& r) {
  NDArray mask = NDArray::from_values<bool>({true, false, true}, {3});
  r.add_op(
      OpSchema{"AdvancedSubtensor",
               "NumPy advanced indexing: broadcast index arrays mixed with slices",
               &AdvancedSubtensorOp::from_props,
               {ExampleCase{"x[[[2], [0]], :]",
                            Props{{"idx_list", array_then_slice()}},
                            {matrix34(), NDArray::from_values<std::int64_t>({2, 0}, {2, 1})}}}});
  r.add_op(OpSchema{
      "AdvancedIncSubtensor",
      "set / add (numpy.add.at) through a NumPy advanced index",
      &AdvancedIncSubtensorOp::from_props,
      {ExampleCase{"inc x[[1, 1], :]",
                   Props{{"idx_list", array_then_slice()}, {"set_instead_of_inc", false}},
                   {matrix34(), NDArray::full(DType::Float64, {2, 4}, 0.5), ivec({1, 1})}}}});
  r.add_op(
      OpSchema{"AdvancedBooleanSubtensor",
               "boolean-mask indexing x[mask] (data-dependent length)",
               &AdvancedSubtensorOp::boolean_from_props,
               {ExampleCase{"x[mask]", Props{{"idx_list", mask_entry()}}, {matrix34(), mask}}}});
  r.add_op(OpSchema{
      "AdvancedBooleanIncSubtensor",
      "set / add through a boolean mask",
      &AdvancedIncSubtensorOp::boolean_from_props,
      {ExampleCase{"set x[mask]",
                   Props{{"idx_list", mask_entry()}, {"set_instead_of_inc", true}},
                   {matrix34(), NDArray::full(DType::Float64, {1, 4}, 7), mask},
                   {TensorType::make(DType::Float64, 2), TensorType::make(DType::Float64, {1, 4}),
                    TensorType::make(DType::Bool, 1)}}}});
}

}  // namespace
}  // namespace indexing

void register_indexing(Registrar& r) {
  using namespace indexing;
  register_basic(r);
  register_advanced1(r);
  register_advanced(r);
  register_indexing_rewrites(r);
}

}  // namespace theano::tensor_ops

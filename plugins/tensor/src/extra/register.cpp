// Registration of the ops of extra/ (sorting, searching and counting,
// cumulative ops, differences, ifelse and the gather/scatter helpers their
// gradients use), with example cases for the plugin harness, and of the
// ifelse rewrites.
#include "../registration.h"
#include "along_axis.h"
#include "counting.h"
#include "cumulative.h"
#include "ifelse.h"
#include "ifelse_rewrites.h"
#include "sort_ops.h"
#include "theano/optdb/rewriter.h"

namespace theano::tensor_ops {

namespace extra {
namespace {

NDArray matrix() {
  return NDArray::from_values<double>({3, -1, 2.5, 0.5, 7, -4}, {2, 3});
}
NDArray ints(std::initializer_list<std::int64_t> v) {
  return NDArray::from_values<std::int64_t>(v);
}
Props axis(OptAxis a) {
  return Props{{"axis", axis_prop(a)}};
}

void register_sorting(Registrar& r) {
  r.add_op(OpSchema{"Sort",
                    "values sorted along an axis (none: flattened), NaN last, stable",
                    &SortOp::from_props,
                    {ExampleCase{"rows", axis(1), {matrix()}},
                     ExampleCase{"flattened", axis(std::nullopt), {matrix()}}}});
  r.add_op(OpSchema{"ArgSort",
                    "int64 permutation sorting each lane (stable, NaN last)",
                    &ArgSortOp::from_props,
                    {ExampleCase{"columns", axis(0), {matrix()}, {}, false}}});
  r.add_op(OpSchema{"TopK",
                    "the |k| largest (k > 0) or smallest (k < 0) values and/or indices",
                    &TopKOp::from_props,
                    {ExampleCase{"top 2 per row",
                                 Props{{"axis", axis_prop(1)},
                                       {"return_values", true},
                                       {"return_indices", false},
                                       {"idx_dtype", DType::Int64}},
                                 {matrix(), NDArray::scalar<std::int64_t>(2)}}}});
  r.add_op(OpSchema{"Searchsorted",
                    "int64 insertion points of values into a sorted vector (side left/right)",
                    &SearchsortedOp::from_props,
                    {ExampleCase{"right",
                                 Props{{"side", "right"}},
                                 {NDArray::from_values<double>({1, 2, 2, 5}),
                                  NDArray::from_values<double>({2, 0, 6})},
                                 {},
                                 false}}});
  r.add_op(OpSchema{
      "Unique",
      "sorted distinct values, with first index, inverse and counts as flagged",
      &UniqueOp::from_props,
      {ExampleCase{"counts",
                   Props{{"return_index", true}, {"return_inverse", true}, {"return_counts", true}},
                   {ints({3, 1, 3, 2, 1})},
                   {},
                   false}}});
}

void register_cumulative(Registrar& r) {
  r.add_op(OpSchema{
      "CumOp",
      "cumulative sum (mode add) or product (mode mul) along an axis",
      &CumOp::from_props,
      {ExampleCase{"cumsum rows", Props{{"axis", axis_prop(1)}, {"mode", "add"}}, {matrix()}},
       ExampleCase{"cumprod flat", Props{{"axis", PropValue()}, {"mode", "mul"}}, {matrix()}}}});
  r.add_op(OpSchema{"DiffOp",
                    "n-th discrete difference along an axis (adjoint: its transpose)",
                    &DiffOp::from_props,
                    {ExampleCase{"second order", Props{{"n", 2}, {"axis", -1}}, {matrix()}}}});
  r.add_op(
      OpSchema{"Bincount",
               "occurrences of each non-negative integer, optionally weighted",
               &BincountOp::from_props,
               {ExampleCase{"weighted",
                            Props{{"minlength", 5}},
                            {ints({0, 2, 2, 1}), NDArray::from_values<double>({1, .5, 2, 3})}}}});
}

void register_helpers(Registrar& r) {
  r.add_op(OpSchema{
      "TakeAlongAxis",
      "gathers x at integer indices along an axis (take_along_axis)",
      &TakeAlongAxisOp::from_props,
      {ExampleCase{"rows", axis(1), {matrix(), ints({2, 0, 1, 1, 1, 0}).reshape({2, 3})}}}});
  r.add_op(OpSchema{
      "ScatterAddAlongAxis",
      "base with values added at integer indices along an axis",
      &ScatterAddAlongAxisOp::from_props,
      {ExampleCase{"flat",
                   axis(std::nullopt),
                   {matrix(), ints({5, 0, 5}), NDArray::from_values<double>({1, 2, 3})}}}});
  r.add_op(OpSchema{"ReshapeLike",
                    "x's elements in the shape of a second tensor",
                    &ReshapeLikeOp::from_props,
                    {ExampleCase{"unflatten",
                                 {},
                                 {NDArray::from_values<double>({1, 2, 3, 4, 5, 6}), matrix()},
                                 {},
                                 false}}});
}

void register_ifelse(Registrar& r) {
  r.add_op(OpSchema{"IfElse",
                    "lazy conditional: (cond, then..., else...) -> the selected branch",
                    &IfElseOp::from_props,
                    {ExampleCase{"one output",
                                 Props{{"n_outs", 1}},
                                 {NDArray::scalar<std::int8_t>(1), matrix(), matrix()}}}});
  r.add_rewrite(RewriteSpec{"local_ifelse_constant_cond",
                            {"fast_run", "fast_compile", "canonicalize", "ifelse"},
                            "canonicalize",
                            std::make_shared<optdb::FunctionLocalRewriter>(
                                "local_ifelse_constant_cond", std::vector<std::string>{"IfElse"},
                                local_ifelse_constant_cond)});
  r.add_rewrite(RewriteSpec{"merge_ifelse_same_cond",
                            {"fast_run", "specialize", "ifelse"},
                            "specialize",
                            std::make_shared<optdb::FunctionGraphRewriter>("merge_ifelse_same_cond",
                                                                           merge_ifelse_same_cond),
                            90});
}

}  // namespace
}  // namespace extra

void register_extra(Registrar& r) {
  extra::register_sorting(r);
  extra::register_cumulative(r);
  extra::register_helpers(r);
  extra::register_ifelse(r);
}

}  // namespace theano::tensor_ops

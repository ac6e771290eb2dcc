// Registration of the reductions, with example cases for the harness.
#include "../registration.h"
#include "careduce_op.h"

namespace theano::elemwise {

void register_reductions(Registrar& r) {
  NDArray m = NDArray::from_values<float>({1, -2, 3, 4, 5, -6}, {2, 3});
  r.add_op(OpSchema{"CAReduce",
                    "reduction along axes with add, mul, maximum, minimum, and, or or xor",
                    &CAReduceOp::from_props,
                    {ExampleCase{"sum rows",
                                 Props{{"scalar_op", "add"},
                                       {"axis", PropValue::ints({1})},
                                       {"dtype", DType::Float32},
                                       {"acc_dtype", DType::Float64}},
                                 {m}},
                     ExampleCase{"max all",
                                 Props{{"scalar_op", "maximum"},
                                       {"axis", PropValue::ints({0, 1})},
                                       {"dtype", DType::Float32},
                                       {"acc_dtype", DType::Float32}},
                                 {m}}}});
  r.add_op(OpSchema{"Argmax",
                    "int64 index of the first maximum along axes",
                    &ArgReduceOp::from_props_max,
                    {ExampleCase{"rows", Props{{"axis", PropValue::ints({1})}}, {m}, {}, false}}});
  r.add_op(OpSchema{"Argmin",
                    "int64 index of the first minimum along axes",
                    &ArgReduceOp::from_props_min,
                    {ExampleCase{"rows", Props{{"axis", PropValue::ints({1})}}, {m}, {}, false}}});
}

}  // namespace theano::elemwise

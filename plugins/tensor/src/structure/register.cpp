// Registration of the ops of structure/ with example cases for the plugin
// test harness, and of their rewrites.
#include "../registration.h"
#include "ops.h"
#include "rewrites.h"

namespace theano::tensor_ops {

namespace {

NDArray f32(std::initializer_list<float> v, Shape shape) {
  return NDArray::from_values<float>(v, std::move(shape));
}
NDArray i64s(std::initializer_list<std::int64_t> v) {
  return NDArray::from_values<std::int64_t>(v);
}
NDArray i64(std::int64_t v) {
  return NDArray::scalar<std::int64_t>(v);
}
NDArray f32(float v) {
  return NDArray::scalar<float>(v);
}
NDArray matrix23() {
  return f32({1, 2, 3, 4, 5, 6}, {2, 3});
}

DType dtype_prop(const Props& p) {
  return p.get_as<DType>("dtype");
}

void register_shape_ops(Registrar& r) {
  r.add_op({"MakeVector",
            "0-d tensors packed into a vector of the dtype prop",
            [](const Props& p) -> OpPtr { return std::make_shared<MakeVectorOp>(dtype_prop(p)); },
            {{"floats", Props{{"dtype", DType::Float32}}, {f32(1.5f), f32(-2.0f), f32(3.0f)}},
             {"shape entries", Props{{"dtype", DType::Int64}}, {i64(2), i64(3)}, {}, false}}});
  r.add_op({"Reshape",
            "numpy reshape to the given int vector (prop ndim); a view when contiguous",
            [](const Props& p) -> OpPtr {
              return std::make_shared<ReshapeOp>(static_cast<int>(p.get_as<std::int64_t>("ndim")));
            },
            {{"matrix to 3x2", Props{{"ndim", 2}}, {matrix23(), i64s({3, 2})}},
             {"infer -1", Props{{"ndim", 1}}, {matrix23(), i64s({-1})}}}});
  r.add_op({"SpecifyShape",
            "its input, with the shape asserted at run time",
            [](const Props&) -> OpPtr { return std::make_shared<SpecifyShapeOp>(); },
            {{"matrix", {}, {matrix23(), i64s({2, 3})}}}});
}

void register_creation_ops(Registrar& r) {
  r.add_op({"Alloc",
            "a value broadcast into a new array of the given dimensions",
            [](const Props&) -> OpPtr { return std::make_shared<AllocOp>(); },
            {{"row into 2x3",
              {},
              {f32({1, 2, 3}, {1, 3}), i64(2), i64(3)},
              {TensorType::make(DType::Float32, {1, std::nullopt}),
               TensorType::make(DType::Int64, 0), TensorType::make(DType::Int64, 0)}},
             {"scalar into 4", {}, {f32(2.5f), i64(4)}}}});
  r.add_op({"AllocEmpty",
            "an uninitialised array of the dtype prop (never constant-folded)",
            [](const Props& p) -> OpPtr { return std::make_shared<AllocEmptyOp>(dtype_prop(p)); },
            {{"2x3", Props{{"dtype", DType::Float32}}, {i64(2), i64(3)}, {}, false}}});
  r.add_op({"ARange",
            "numpy.arange(start, stop, step) of the dtype prop",
            [](const Props& p) -> OpPtr { return std::make_shared<ARangeOp>(dtype_prop(p)); },
            {{"ints", Props{{"dtype", DType::Int64}}, {i64(1), i64(10), i64(3)}, {}, false},
             {"floats", Props{{"dtype", DType::Float32}}, {f32(0.5f), f32(2.1f), f32(0.25f)}}}});
  r.add_op({"Eye",
            "an n x m matrix with ones on the k-th diagonal",
            [](const Props& p) -> OpPtr {
              return std::make_shared<DiagonalMaskOp>(false, dtype_prop(p));
            },
            {{"3x4 k=1", Props{{"dtype", DType::Float32}}, {i64(3), i64(4), i64(1)}, {}, false}}});
  r.add_op({"Tri",
            "an n x m matrix with ones at and below the k-th diagonal",
            [](const Props& p) -> OpPtr {
              return std::make_shared<DiagonalMaskOp>(true, dtype_prop(p));
            },
            {{"3x4 k=0", Props{{"dtype", DType::Float32}}, {i64(3), i64(4), i64(0)}, {}, false}}});
}

void register_join_ops(Registrar& r) {
  r.add_op({"Join",
            "concatenation of tensors along the axis given as input 0",
            [](const Props&) -> OpPtr { return std::make_shared<JoinOp>(); },
            {{"rows", {}, {i64(0), matrix23(), f32({7, 8, 9}, {1, 3})}},
             {"columns", {}, {i64(1), matrix23(), f32({7, 8}, {2, 1})}}}});
  r.add_op({"Split",
            "a tensor cut along an axis into pieces of the given sizes (prop len_splits)",
            [](const Props& p) -> OpPtr {
              return std::make_shared<SplitOp>(
                  static_cast<int>(p.get_as<std::int64_t>("len_splits")));
            },
            {{"columns 1+2", Props{{"len_splits", 2}}, {matrix23(), i64(1), i64s({1, 2})}}}});
  r.add_op({"Repeat",
            "numpy.repeat along the axis prop (none: of the flattened input)",
            [](const Props& p) -> OpPtr {
              const PropValue& a = p.get("axis");
              if (a.is<std::monostate>()) return std::make_shared<RepeatOp>(std::nullopt);
              return std::make_shared<RepeatOp>(a.as<std::int64_t>());
            },
            {{"axis 1 twice", Props{{"axis", 1}}, {matrix23(), i64(2)}},
             {"flattened", Props{{"axis", PropValue()}}, {matrix23(), i64(3)}},
             {"counts", Props{{"axis", 0}}, {matrix23(), i64s({1, 3})}, {}, false}}});
}

void register_diag_ops(Registrar& r) {
  Props main{{"offset", 0}, {"axis1", 0}, {"axis2", 1}};
  Props above{{"offset", 1}, {"axis1", 0}, {"axis2", 1}};
  r.add_op(
      {"ExtractDiag",
       "the diagonal of axes (axis1, axis2) at offset, as the last axis (a view)",
       [](const Props& p) -> OpPtr { return std::make_shared<ExtractDiagOp>(DiagAxes::from(p)); },
       {{"main", main, {matrix23()}}, {"above", above, {matrix23()}}}});
  r.add_op(
      {"AllocDiag",
       "zeros with the input's last axis on the diagonal (optional output shape input)",
       [](const Props& p) -> OpPtr { return std::make_shared<AllocDiagOp>(DiagAxes::from(p)); },
       {{"vector", above, {f32({1, 2}, {2})}},
        {"shaped", main, {f32({1, 2}, {2}), i64s({2, 3})}}}});
}

}  // namespace

void register_structure(Registrar& r) {
  register_shape_ops(r);
  register_creation_ops(r);
  register_join_ops(r);
  register_diag_ops(r);
  register_structure_rewrites(r);
}

}  // namespace theano::tensor_ops

// Front end of indexing: parses index lists (ellipsis, new axes, integers,
// slices, arrays, masks), chooses the op (Subtensor, AdvancedSubtensor1,
// AdvancedSubtensor, AdvancedBooleanSubtensor or their Inc forms) and builds
// its props. The prop encoding matches plugins/tensor/src/subtensor/index_spec.h.
#include "theano/tensor/indexing.h"

#include "detail.h"
#include "theano/tensor/constructors.h"
#include "theano/tensor/math.h"

namespace theano::tensor {

namespace {

using Kind = Index::Kind;

std::string dtype_str(DType d) {
  return std::string(dtype_name(d));
}

// --- parsing ----------------------------------------------------------------------------

int dims_consumed(const Index& e) {
  switch (e.kind()) {
    case Kind::Int:
    case Kind::IntVar:
    case Kind::Slice:
    case Kind::Array:
      return 1;
    case Kind::Mask:
      return e.var().ndim();
    default:
      return 0;
  }
}

// Replaces the ellipsis by full slices; checks the number of indexed dims.
std::vector<Index> expand(const std::vector<Index>& idx, int ndim) {
  int used = 0, ellipses = 0;
  for (const Index& e : idx) {
    used += dims_consumed(e);
    ellipses += e.kind() == Kind::Ellipsis;
  }
  if (ellipses > 1) throw IndexError("an index can only have a single ellipsis");
  if (used > ndim) {
    throw IndexError("too many indices for a tensor: it is " + std::to_string(ndim) +
                     "-dimensional, but " + std::to_string(used) + " were indexed");
  }
  std::vector<Index> out;
  for (const Index& e : idx) {
    if (e.kind() != Kind::Ellipsis) {
      out.push_back(e);
      continue;
    }
    for (int i = used; i < ndim; ++i) out.emplace_back(slice());
  }
  return out;
}

bool has(const std::vector<Index>& idx, Kind k) {
  for (const Index& e : idx)
    if (e.kind() == k) return true;
  return false;
}

bool is_full(const Index& e) {
  return e.kind() == Kind::Slice && e.slice().start.is_none() && e.slice().stop.is_none() &&
         e.slice().step.is_none();
}

// --- encoding ---------------------------------------------------------------------------

struct Encoded {
  PropList idx;
  std::vector<Var> inputs;
};

PropValue component(const SliceBound& b, std::vector<Var>& inputs, const std::string& what) {
  if (b.value()) return PropValue(*b.value());
  if (!b.var()) return PropValue();
  auto tt = detail::tensor_type(b.var(), what);
  if (tt->ndim() != 0 || !is_int(tt->dtype())) {
    throw TypeError(what + ": a symbolic slice bound must be a 0-d integer tensor, got " +
                    tt->str());
  }
  inputs.push_back(b.var());
  return PropValue("$");
}

Var int_constant_array(std::int64_t i) {
  return constant(NDArray::scalar<std::int64_t>(i));
}

// Encodes the entries; `advanced` turns integers into 0-d index arrays.
Encoded encode(const std::vector<Index>& idx, bool advanced, const std::string& what) {
  Encoded out;
  for (const Index& e : idx) {
    switch (e.kind()) {
      case Kind::Int:
        if (advanced) {
          out.idx.emplace_back(PropList{"array"});
          out.inputs.push_back(int_constant_array(e.integer()));
        } else {
          out.idx.emplace_back(PropList{"int", PropValue(e.integer())});
        }
        break;
      case Kind::IntVar:
        out.idx.emplace_back(advanced ? PropList{"array"} : PropList{"int", "$"});
        out.inputs.push_back(e.var());
        break;
      case Kind::Slice: {
        PropValue a = component(e.slice().start, out.inputs, what);
        PropValue b = component(e.slice().stop, out.inputs, what);
        PropValue c = component(e.slice().step, out.inputs, what);
        if (e.slice().step.value() == 0) throw ValueError(what + ": slice step cannot be zero");
        out.idx.emplace_back(PropList{"slice", a, b, c});
        break;
      }
      case Kind::NewAxis:
        if (advanced) out.idx.emplace_back(PropList{"newaxis"});
        break;
      case Kind::Array:
        out.idx.emplace_back(PropList{"array"});
        out.inputs.push_back(e.var());
        break;
      case Kind::Mask:
        out.idx.emplace_back(PropList{"mask"});
        out.inputs.push_back(e.var());
        break;
      case Kind::Ellipsis:
        break;
    }
  }
  return out;
}

std::vector<Var> concat(std::vector<Var> head, const std::vector<Var>& rest) {
  head.insert(head.end(), rest.begin(), rest.end());
  return head;
}

// --- dispatch ---------------------------------------------------------------------------

enum class Route { Basic, Rows, Advanced };

Route route(const std::vector<Index>& idx) {
  if (!has(idx, Kind::Array) && !has(idx, Kind::Mask)) return Route::Basic;
  if (!idx.empty() && idx[0].kind() == Kind::Array && idx[0].var().ndim() == 1) {
    bool rest_full = true;
    for (std::size_t i = 1; i < idx.size(); ++i) rest_full = rest_full && is_full(idx[i]);
    if (rest_full) return Route::Rows;
  }
  return Route::Advanced;
}

std::string advanced_name(const std::vector<Index>& idx, bool inc) {
  std::string mid = has(idx, Kind::Mask) ? "Boolean" : "";
  return "Advanced" + mid + (inc ? "IncSubtensor" : "Subtensor");
}

// Inserts the new axes of a basic index into Subtensor's output.
Var add_new_axes(const Var& sub, const std::vector<Index>& idx, const std::source_location& loc) {
  if (!has(idx, Kind::NewAxis)) return sub;
  std::vector<std::int64_t> pattern;
  std::int64_t next = 0;
  for (const Index& e : idx) {
    if (e.kind() == Kind::NewAxis) pattern.push_back(newaxis);
    if (e.kind() == Kind::Slice) pattern.push_back(next++);
  }
  int nd = detail::tensor_type(sub, "T::index")->ndim();
  for (; next < nd; ++next) pattern.push_back(next);
  return TensorVar(sub).dimshuffle(pattern, loc);
}

// For a basic set / inc with new axes: the value is broadcast to the region
// with the new axes, so its dims there must be broadcastable; drops them.
Var drop_new_axes(const Var& y, const std::vector<Index>& idx, int x_ndim, const std::string& what,
                  const std::source_location& loc) {
  if (!has(idx, Kind::NewAxis)) return y;
  TensorVar ty = y;
  std::vector<bool> is_new;  // region dims, new axes marked
  int consumed = 0;
  for (const Index& e : idx) {
    if (e.kind() == Kind::NewAxis) is_new.push_back(true);
    if (e.kind() == Kind::Slice) is_new.push_back(false);
    consumed += dims_consumed(e);
  }
  for (int d = consumed; d < x_ndim; ++d) is_new.push_back(false);
  int region = static_cast<int>(is_new.size());
  int first = region - ty.ndim();  // region dim of y's dim 0 (the rest is trailing)
  if (first < 0) return y;         // trailing dims: make_node reports the mismatch
  std::vector<std::int64_t> keep;
  for (int d = 0; d < ty.ndim(); ++d) {
    if (!is_new[first + d]) {
      keep.push_back(d);
    } else if (ty.static_shape()[d] != 1) {
      throw ValueError(what + ": the value's dim " + std::to_string(d) +
                       " falls on a new axis and must have static size 1, got " + ty.type()->str());
    }
  }
  return static_cast<int>(keep.size()) == ty.ndim() ? y : Var(ty.dimshuffle(keep, loc));
}

Var value_for(const Var& x, const Operand& y, const std::string& what) {
  DType xd = detail::tensor_type(x, what)->dtype();
  if (y.is_weak()) return detail::weak_constant(y.weak(), xd, y.loc());
  Var v = as_tensor(y).var();
  DType yd = detail::tensor_type(v, what)->dtype();
  if (yd == xd) return v;
  if (!can_cast_safely(yd, xd) && !(is_discrete(yd) && !is_discrete(xd))) {
    throw TypeError(what + ": cannot write " + dtype_str(yd) + " values into a " + dtype_str(xd) +
                    " tensor without losing precision; cast them first");
  }
  return cast(v, xd);
}

TensorVar update(const Operand& x, const std::vector<Index>& raw, const Operand& y, bool set,
                 const std::source_location& loc) {
  std::string what = set ? "T::set_subtensor" : "T::inc_subtensor";
  Var xv = as_tensor(x).var();
  std::vector<Index> idx = expand(raw, detail::tensor_type(xv, what)->ndim());
  Var yv = value_for(xv, y, what);
  Route r = route(idx);
  if (r == Route::Rows) {
    OpPtr op = detail::make_op("AdvancedIncSubtensor1",
                               Props{{"set_instead_of_inc", set}, {"inplace", false}});
    return detail::apply1(op, {xv, yv, idx[0].var()}, loc);
  }
  bool advanced = r == Route::Advanced;
  if (!advanced) yv = drop_new_axes(yv, idx, detail::tensor_type(xv, what)->ndim(), what, loc);
  Encoded enc = encode(idx, advanced, what);
  std::string name = advanced ? advanced_name(idx, true) : "IncSubtensor";
  Props props{{"idx_list", enc.idx}, {"set_instead_of_inc", set}, {"inplace", false}};
  return detail::apply1(detail::make_op(name, props), concat({xv, yv}, enc.inputs), loc);
}

}  // namespace

Index::Index(const TensorVar& v) : var_(v) {
  auto tt = v.type();
  if (is_bool(tt->dtype())) {
    if (tt->ndim() == 0) throw TypeError("T::index: a 0-d boolean index is not supported");
    kind_ = Kind::Mask;
  } else if (is_int(tt->dtype())) {
    kind_ = tt->ndim() == 0 ? Kind::IntVar : Kind::Array;
  } else {
    throw TypeError("T::index: indices must be integers (or booleans for masks), got a " +
                    tt->str());
  }
}

Index::Index(std::vector<std::int64_t> indices) : Index(constant(NDArray::from_vector(indices))) {}

Index::Index(const NDArray& a) : Index(constant(a)) {}

TensorVar TensorVar::operator[](const IndexList& idx) const {
  return index(*this, idx.entries(), idx.loc());
}

TensorVar index(const Operand& x, const std::vector<Index>& raw, std::source_location loc) {
  Var xv = as_tensor(x).var();
  std::vector<Index> idx = expand(raw, detail::tensor_type(xv, "T::index")->ndim());
  Route r = route(idx);
  if (r == Route::Rows) {
    return detail::apply1(detail::make_op("AdvancedSubtensor1"), {xv, idx[0].var()}, loc);
  }
  bool advanced = r == Route::Advanced;
  Encoded enc = encode(idx, advanced, "T::index");
  std::string name = advanced ? advanced_name(idx, false) : "Subtensor";
  Var out = detail::apply1(detail::make_op(name, Props{{"idx_list", enc.idx}}),
                           concat({xv}, enc.inputs), loc);
  return advanced ? out : add_new_axes(out, idx, loc);
}

TensorVar set_subtensor(const Operand& x, const std::vector<Index>& idx, const Operand& y,
                        std::source_location loc) {
  return update(x, idx, y, true, loc);
}

TensorVar inc_subtensor(const Operand& x, const std::vector<Index>& idx, const Operand& y,
                        std::source_location loc) {
  return update(x, idx, y, false, loc);
}

TensorVar take(const Operand& x, const Index& indices, int axis, std::source_location loc) {
  Var xv = as_tensor(x).var();
  int nd = detail::tensor_type(xv, "T::take")->ndim();
  int a = axis < 0 ? axis + nd : axis;
  if (a < 0 || a >= nd) {
    throw ValueError("T::take: axis " + std::to_string(axis) + " is out of range for a " +
                     std::to_string(nd) + "-d tensor");
  }
  if (indices.kind() == Kind::Mask || indices.kind() == Kind::Slice ||
      indices.kind() == Kind::NewAxis || indices.kind() == Kind::Ellipsis) {
    throw TypeError("T::take: indices must be integers");
  }
  std::vector<Index> idx;
  for (int i = 0; i < a; ++i) idx.emplace_back(slice());
  idx.push_back(indices);
  return index(xv, idx, loc);
}

}  // namespace theano::tensor

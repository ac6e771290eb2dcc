// Index lists: prop encoding, printing, slice normalisation and basic views.
#include "index_spec.h"

#include <algorithm>

namespace theano::tensor_ops::indexing {

namespace {

PropValue encode_component(const Component& c) {
  switch (c.kind) {
    case Component::Kind::None:
      return PropValue();
    case Component::Kind::Const:
      return PropValue(c.value);
    case Component::Kind::Sym:
      return PropValue("$");
  }
  return PropValue();
}

Component decode_component(const PropValue& v, const std::string& where) {
  if (v.is<std::monostate>()) return Component::none();
  if (v.is<std::int64_t>()) return Component::constant(v.as<std::int64_t>());
  if (v.is<std::string>() && v.as<std::string>() == "$") return Component::sym();
  throw ValueError(where + ": an index component is none, an integer or \"$\", got " + v.str());
}

std::string component_str(const Component& c) {
  if (c.is_none()) return "";
  if (c.is_sym()) return "$";
  return std::to_string(c.value);
}

std::optional<std::int64_t> read_component(const Component& c, InputRefs inputs, int& next) {
  if (c.is_none()) return std::nullopt;
  if (c.is_const()) return c.value;
  return inputs[next++].array().item<std::int64_t>();
}

}  // namespace

int IndexEntry::n_inputs() const {
  if (is_advanced()) return 1;
  return int(a.is_sym()) + int(b.is_sym()) + int(c.is_sym());
}

PropValue encode_idx(const IdxList& idx) {
  PropList out;
  for (const IndexEntry& e : idx) {
    switch (e.kind) {
      case IndexEntry::Kind::Int:
        out.emplace_back(PropList{"int", encode_component(e.a)});
        break;
      case IndexEntry::Kind::Slice:
        out.emplace_back(
            PropList{"slice", encode_component(e.a), encode_component(e.b), encode_component(e.c)});
        break;
      case IndexEntry::Kind::NewAxis:
        out.emplace_back(PropList{"newaxis"});
        break;
      case IndexEntry::Kind::Array:
        out.emplace_back(PropList{"array"});
        break;
      case IndexEntry::Kind::Mask:
        out.emplace_back(PropList{"mask"});
        break;
    }
  }
  return PropValue(std::move(out));
}

IdxList decode_idx(const PropValue& value, const std::string& op_name) {
  if (!value.is<PropList>()) throw ValueError(op_name + ": idx_list must be a list");
  IdxList idx;
  for (const PropValue& item : value.as<PropList>()) {
    std::string where = cat(op_name, ": idx_list entry ", idx.size());
    if (!item.is<PropList>() || item.as<PropList>().empty() ||
        !item.as<PropList>()[0].is<std::string>()) {
      throw ValueError(where + ": expected a list starting with the entry kind, got " + item.str());
    }
    const PropList& l = item.as<PropList>();
    const std::string& kind = l[0].as<std::string>();
    auto expect_size = [&](std::size_t n) {
      if (l.size() != n) {
        throw ValueError(
            cat(where, ": '", kind, "' takes ", n - 1, " components, got ", l.size() - 1));
      }
    };
    if (kind == "int") {
      expect_size(2);
      Component c = decode_component(l[1], where);
      if (c.is_none()) throw ValueError(where + ": an integer index cannot be none");
      idx.push_back(IndexEntry::integer(c));
    } else if (kind == "slice") {
      expect_size(4);
      Component step = decode_component(l[3], where);
      if (step.is_const() && step.value == 0) throw ValueError(where + ": slice step cannot be 0");
      idx.push_back(
          IndexEntry::slice(decode_component(l[1], where), decode_component(l[2], where), step));
    } else if (kind == "newaxis" || kind == "array" || kind == "mask") {
      expect_size(1);
      IndexEntry e;
      e.kind = kind == "newaxis" ? IndexEntry::Kind::NewAxis
               : kind == "array" ? IndexEntry::Kind::Array
                                 : IndexEntry::Kind::Mask;
      idx.push_back(e);
    } else {
      throw ValueError(
          cat(where, ": unknown entry kind '", kind, "' (int, slice, newaxis, array, mask)"));
    }
  }
  return idx;
}

std::string idx_str(const IdxList& idx) {
  std::string s;
  for (std::size_t i = 0; i < idx.size(); ++i) {
    const IndexEntry& e = idx[i];
    if (i) s += ", ";
    switch (e.kind) {
      case IndexEntry::Kind::Int:
        s += component_str(e.a);
        break;
      case IndexEntry::Kind::Slice:
        s.append(component_str(e.a)).append(":").append(component_str(e.b));
        if (!e.c.is_none()) s.append(":").append(component_str(e.c));
        break;
      case IndexEntry::Kind::NewAxis:
        s += "newaxis";
        break;
      case IndexEntry::Kind::Array:
        s += "[array]";
        break;
      case IndexEntry::Kind::Mask:
        s += "[mask]";
        break;
    }
  }
  return s;
}

int n_index_inputs(const IdxList& idx) {
  int n = 0;
  for (const IndexEntry& e : idx) n += e.n_inputs();
  return n;
}

bool is_full_slice(const IndexEntry& e) {
  return e.kind == IndexEntry::Kind::Slice && e.a.is_none() && e.b.is_none() &&
         (e.c.is_none() || (e.c.is_const() && e.c.value == 1));
}

void check_index_scalar(const Op& op, int position, const Var& v) {
  auto tt = as_tensor_type(v->type());
  if (!tt || tt->ndim() != 0 || !is_int(tt->dtype())) {
    throw_input_type_error(op, position, "a 0-d integer tensor (a symbolic index)", v->type());
  }
}

CanonicalSlice canonical_slice(std::int64_t n, std::optional<std::int64_t> start,
                               std::optional<std::int64_t> stop, std::optional<std::int64_t> step) {
  CanonicalSlice s;
  s.step = step.value_or(1);
  if (s.step == 0) throw ValueError("slice step cannot be zero");
  auto norm = [n](std::int64_t v, std::int64_t lo, std::int64_t hi) {
    if (v < 0) v += n;
    return std::clamp(v, lo, hi);
  };
  if (s.step > 0) {
    s.start = start ? norm(*start, 0, n) : 0;
    s.stop = stop ? norm(*stop, 0, n) : n;
    s.length = s.stop > s.start ? (s.stop - s.start + s.step - 1) / s.step : 0;
  } else {
    s.start = start ? norm(*start, -1, n - 1) : n - 1;
    s.stop = stop ? norm(*stop, -1, n - 1) : -1;
    s.length = s.start > s.stop ? (s.start - s.stop - s.step - 1) / -s.step : 0;
  }
  return s;
}

std::int64_t checked_index(std::int64_t i, std::int64_t n, int axis) {
  if (i < -n || i >= n) {
    throw IndexError(cat("index ", i, " is out of bounds for axis ", axis, " with size ", n));
  }
  return i < 0 ? i + n : i;
}

std::vector<ResolvedEntry> resolve(const IdxList& idx, InputRefs inputs, int first_input) {
  std::vector<ResolvedEntry> out;
  int next = first_input;
  for (const IndexEntry& e : idx) {
    ResolvedEntry r{e.kind, {}, {}, {}};
    if (e.is_advanced()) {
      ++next;
    } else {
      r.a = read_component(e.a, inputs, next);
      r.b = read_component(e.b, inputs, next);
      r.c = read_component(e.c, inputs, next);
    }
    out.push_back(r);
  }
  return out;
}

NDArray basic_view(const NDArray& x, const std::vector<ResolvedEntry>& entries) {
  Shape shape;
  Strides strides;
  std::int64_t offset = x.offset();
  int axis = 0;
  for (const ResolvedEntry& e : entries) {
    if (e.kind == IndexEntry::Kind::NewAxis) {
      shape.push_back(1);
      strides.push_back(0);
      continue;
    }
    if (axis >= x.ndim()) {
      throw IndexError(cat("too many indices: the array is ", x.ndim(), "-dimensional, but ",
                           entries.size(), " entries were given"));
    }
    std::int64_t n = x.dim(axis), st = x.strides()[axis];
    if (e.kind == IndexEntry::Kind::Int) {
      offset += checked_index(*e.a, n, axis) * st;
    } else {
      CanonicalSlice s = canonical_slice(n, e.a, e.b, e.c);
      if (s.length > 0) offset += s.start * st;
      shape.push_back(s.length);
      strides.push_back(st * s.step);
    }
    ++axis;
  }
  for (; axis < x.ndim(); ++axis) {
    shape.push_back(x.dim(axis));
    strides.push_back(x.strides()[axis]);
  }
  return x.view(std::move(shape), std::move(strides), offset);
}

StaticShape basic_static_shape(const StaticShape& in, const IdxList& idx, const std::string& op) {
  StaticShape out;
  std::size_t axis = 0;
  for (const IndexEntry& e : idx) {
    if (e.kind == IndexEntry::Kind::NewAxis) {
      out.push_back(1);
      continue;
    }
    if (axis >= in.size()) {
      throw IndexError(cat(op, ": too many indices for a ", in.size(), "-dimensional tensor"));
    }
    StaticDim n = in[axis];
    if (e.kind == IndexEntry::Kind::Int) {
      if (n && e.a.is_const()) checked_index(e.a.value, *n, static_cast<int>(axis));
    } else if (is_full_slice(e)) {
      out.push_back(n);
    } else if (n && !e.a.is_sym() && !e.b.is_sym() && !e.c.is_sym()) {
      auto opt = [](const Component& c) {
        return c.is_none() ? std::nullopt : std::optional<std::int64_t>(c.value);
      };
      out.push_back(canonical_slice(*n, opt(e.a), opt(e.b), opt(e.c)).length);
    } else {
      out.push_back(std::nullopt);
    }
    ++axis;
  }
  for (; axis < in.size(); ++axis) out.push_back(in[axis]);
  return out;
}

}  // namespace theano::tensor_ops::indexing

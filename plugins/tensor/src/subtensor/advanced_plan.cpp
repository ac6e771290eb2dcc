// Advanced indexing plans: masks to index arrays, broadcasting, placement.
#include "advanced_plan.h"

#include <algorithm>

namespace theano::tensor_ops::indexing {

namespace {

[[noreturn]] void throw_broadcast_error(const std::vector<NDArray>& arrays) {
  std::string msg = "shape mismatch: indexing arrays could not be broadcast together with shapes";
  for (const NDArray& b : arrays) {
    msg.push_back(' ');
    msg.append(shape_str(b.shape()));
  }
  throw IndexError(msg);
}

Shape broadcast_shapes(const std::vector<NDArray>& arrays) {
  std::size_t nd = 0;
  for (const NDArray& a : arrays) nd = std::max<std::size_t>(nd, a.ndim());
  Shape out(nd, 1);
  for (const NDArray& a : arrays) {
    std::size_t off = nd - a.ndim();
    for (int d = 0; d < a.ndim(); ++d) {
      std::int64_t& o = out[off + d];
      if (a.dim(d) == o || a.dim(d) == 1) continue;
      if (o != 1) throw_broadcast_error(arrays);
      o = a.dim(d);
    }
  }
  return out;
}

// The nonzero() coordinates of a boolean mask, one int64 vector per mask dim.
std::vector<NDArray> mask_coordinates(const NDArray& mask) {
  std::vector<bool> flat = mask.astype(DType::Bool).to_vector<bool>();
  std::vector<std::vector<std::int64_t>> coords(mask.ndim());
  Shape pos(mask.ndim(), 0);
  for (bool on : flat) {
    if (on)
      for (int d = 0; d < mask.ndim(); ++d) coords[d].push_back(pos[d]);
    for (int d = mask.ndim() - 1; d >= 0; --d) {
      if (++pos[d] < mask.dim(d)) break;
      pos[d] = 0;
    }
  }
  std::vector<NDArray> out;
  for (auto& c : coords) out.push_back(NDArray::from_vector(c));
  return out;
}

bool advanced_adjacent(const IdxList& idx) {
  int first = -1, last = -1, count = 0;
  for (int i = 0; i < static_cast<int>(idx.size()); ++i) {
    if (!idx[i].is_advanced()) continue;
    if (first < 0) first = i;
    last = i;
    ++count;
  }
  return count == 0 || last - first + 1 == count;
}

std::optional<std::int64_t> read(const Component& c, InputRefs inputs, int& next) {
  if (c.is_none()) return std::nullopt;
  if (c.is_const()) return c.value;
  return inputs[next++].array().item<std::int64_t>();
}

}  // namespace

AdvancedPlan::AdvancedPlan(const NDArray& x, const IdxList& idx, InputRefs inputs, int first) {
  std::vector<NDArray> arrays;
  std::vector<int> x_axes;
  int next = first, x_axis = 0, view_axis = 0;
  for (const IndexEntry& e : idx) {
    if (e.kind == IndexEntry::Kind::Array || e.kind == IndexEntry::Kind::Mask) {
      const NDArray& a = inputs[next++].array();
      std::vector<NDArray> parts =
          e.kind == IndexEntry::Kind::Array ? std::vector<NDArray>{a} : mask_coordinates(a);
      for (int d = 0; d < (e.kind == IndexEntry::Kind::Mask ? a.ndim() : 1); ++d) {
        if (x_axis + d >= x.ndim()) {
          throw IndexError("too many indices for an array of " + std::to_string(x.ndim()) +
                           " dimensions");
        }
        if (e.kind == IndexEntry::Kind::Mask && a.dim(d) != x.dim(x_axis + d)) {
          throw IndexError("boolean index did not match indexed array along dimension " +
                           std::to_string(x_axis + d) + "; dimension is " +
                           std::to_string(x.dim(x_axis + d)) +
                           " but corresponding boolean dimension is " + std::to_string(a.dim(d)));
        }
        entries_.push_back(ResolvedEntry{IndexEntry::Kind::Slice, {}, {}, {}});
        array_dims_.push_back(view_axis++);
        x_axes.push_back(x_axis + d);
      }
      x_axis += e.kind == IndexEntry::Kind::Mask ? a.ndim() : 1;
      arrays.insert(arrays.end(), parts.begin(), parts.end());
      continue;
    }
    ResolvedEntry r{e.kind, {}, {}, {}};
    r.a = read(e.a, inputs, next);
    r.b = read(e.b, inputs, next);
    r.c = read(e.c, inputs, next);
    entries_.push_back(r);
    if (e.kind != IndexEntry::Kind::NewAxis) ++x_axis;
    if (e.kind != IndexEntry::Kind::Int) ++view_axis;
  }
  NDArray view = basic_view(x, entries_);
  bshape_ = broadcast_shapes(arrays);
  count_ = shape_size(bshape_);
  for (std::size_t k = 0; k < arrays.size(); ++k) {
    std::vector<std::int64_t> v = arrays[k].broadcast_to(bshape_).to_vector<std::int64_t>();
    std::int64_t n = view.dim(array_dims_[k]);
    for (std::int64_t& i : v) i = checked_index(i, n, x_axes[k]);
    indices_.push_back(std::move(v));
  }
  for (int d = 0; d < view.ndim(); ++d)
    if (std::find(array_dims_.begin(), array_dims_.end(), d) == array_dims_.end())
      rest_dims_.push_back(d);
  if (advanced_adjacent(idx) && !array_dims_.empty()) {
    for (int d : rest_dims_) bpos_ += d < array_dims_[0] ? 1 : 0;
  }
  for (int d : rest_dims_) region_shape_.push_back(view.dim(d));
  region_shape_.insert(region_shape_.begin() + bpos_, bshape_.begin(), bshape_.end());
}

NDArray AdvancedPlan::x_part(const NDArray& sliced, std::int64_t b) const {
  std::int64_t offset = sliced.offset();
  for (std::size_t k = 0; k < indices_.size(); ++k)
    offset += indices_[k][b] * sliced.strides()[array_dims_[k]];
  Shape shape;
  Strides strides;
  for (int d : rest_dims_) {
    shape.push_back(sliced.dim(d));
    strides.push_back(sliced.strides()[d]);
  }
  return sliced.view(std::move(shape), std::move(strides), offset);
}

std::vector<std::int64_t> AdvancedPlan::x_offsets(const NDArray& sliced) const {
  std::vector<std::int64_t> out(static_cast<std::size_t>(count_), 0);
  for (std::size_t k = 0; k < indices_.size(); ++k) {
    std::int64_t stride = sliced.strides()[array_dims_[k]];
    for (std::size_t b = 0; b < out.size(); ++b) out[b] += indices_[k][b] * stride;
  }
  return out;
}

std::vector<std::int64_t> AdvancedPlan::region_offsets(const NDArray& region) const {
  std::vector<std::int64_t> out;
  out.reserve(static_cast<std::size_t>(count_));
  int nb = static_cast<int>(bshape_.size());
  for (std::int64_t b = 0; b < count_; ++b) {
    std::int64_t offset = 0, rest = b;
    for (int j = nb - 1; j >= 0; --j) {
      offset += (rest % bshape_[j]) * region.strides()[bpos_ + j];
      rest /= bshape_[j];
    }
    out.push_back(offset);
  }
  return out;
}

NDArray AdvancedPlan::region_part(const NDArray& region, std::int64_t b) const {
  std::int64_t offset = region.offset();
  int nb = static_cast<int>(bshape_.size());
  for (int j = nb - 1; j >= 0; --j) {
    offset += (b % bshape_[j]) * region.strides()[bpos_ + j];
    b /= bshape_[j];
  }
  Shape shape;
  Strides strides;
  for (int d = 0; d < region.ndim(); ++d) {
    if (d >= bpos_ && d < bpos_ + nb) continue;
    shape.push_back(region.dim(d));
    strides.push_back(region.strides()[d]);
  }
  return region.view(std::move(shape), std::move(strides), offset);
}

StaticShape advanced_static_shape(const StaticShape& x, const IdxList& idx,
                                  const std::vector<std::shared_ptr<const TensorType>>& arrays,
                                  const std::string& op) {
  IdxList basic;
  std::vector<StaticShape> index_shapes;
  std::vector<int> array_dims;
  int view_axis = 0;
  std::size_t k = 0, x_axis = 0;
  for (const IndexEntry& e : idx) {
    if (!e.is_advanced()) {
      basic.push_back(e);
      if (e.kind != IndexEntry::Kind::NewAxis) ++x_axis;
      if (e.kind != IndexEntry::Kind::Int) ++view_axis;
      continue;
    }
    const TensorType& t = *arrays.at(k++);
    int dims = e.kind == IndexEntry::Kind::Mask ? t.ndim() : 1;
    for (int d = 0; d < dims; ++d) {
      basic.push_back(IndexEntry::full());
      array_dims.push_back(view_axis++);
      if (e.kind == IndexEntry::Kind::Mask && x_axis + d < x.size() && x[x_axis + d] &&
          t.shape()[d] && *x[x_axis + d] != *t.shape()[d]) {
        throw IndexError(
            op + ": boolean index did not match indexed array along dimension " +
            std::to_string(x_axis + d) + "; dimension is " + std::to_string(*x[x_axis + d]) +
            " but corresponding boolean dimension is " + std::to_string(*t.shape()[d]));
      }
    }
    x_axis += dims;
    index_shapes.push_back(e.kind == IndexEntry::Kind::Mask ? StaticShape{std::nullopt}
                                                            : t.shape());
  }
  StaticShape view = basic_static_shape(x, basic, op);
  std::size_t nd = 0;
  for (const StaticShape& s : index_shapes) nd = std::max(nd, s.size());
  StaticShape bshape(nd);
  for (std::size_t d = 0; d < nd; ++d) {
    bool all_one = true;
    for (const StaticShape& s : index_shapes) {
      if (d + s.size() < nd) continue;
      StaticDim v = s[d + s.size() - nd];
      if (v && *v != 1) {
        if (bshape[d] && *bshape[d] != *v)
          throw IndexError(op + ": shape mismatch: index arrays cannot be broadcast together");
        bshape[d] = v;
      }
      if (!v || *v != 1) all_one = false;
    }
    if (all_one) bshape[d] = 1;
  }
  StaticShape region;
  int bpos = 0;
  for (int d = 0; d < static_cast<int>(view.size()); ++d) {
    if (std::find(array_dims.begin(), array_dims.end(), d) != array_dims.end()) continue;
    region.push_back(view[d]);
    if (!array_dims.empty() && d < array_dims[0]) ++bpos;
  }
  if (!advanced_adjacent(idx)) bpos = 0;
  region.insert(region.begin() + bpos, bshape.begin(), bshape.end());
  return region;
}

}  // namespace theano::tensor_ops::indexing

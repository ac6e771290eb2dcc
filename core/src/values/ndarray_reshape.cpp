// NDArray::reshape: infers one -1 dim, returns a zero-copy view when the old
// layout can express the new shape in C order (NumPy's no-copy reshape
// rule, which tolerates any strides within each merged run of dims), and a
// C-order copy otherwise.
#include <optional>

#include "layout.h"
#include "theano/core/ndarray.h"

namespace theano {
namespace {

Shape resolve_shape(Shape shape, std::int64_t size, const Shape& old_shape) {
  int unknown = -1;
  std::int64_t known = 1;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      if (unknown >= 0) throw ValueError("reshape: can only specify one unknown dimension");
      unknown = static_cast<int>(i);
    } else if (shape[i] < 0) {
      throw ValueError("reshape: negative dimension in shape " + shape_str(shape));
    } else if (__builtin_mul_overflow(known, shape[i], &known)) {
      throw ValueError("reshape: shape " + shape_str(shape) + " overflows 64 bits");
    }
  }
  if (unknown >= 0 && known != 0 && size % known == 0) shape[unknown] = size / known;
  if (shape_size(shape) != size || (unknown >= 0 && shape[unknown] < 0)) {
    throw ValueError("cannot reshape array of size " + std::to_string(size) + " (shape " +
                     shape_str(old_shape) + ") into shape " + shape_str(shape));
  }
  return shape;
}

// C-order strides viewing the old layout with `new_shape`, if no copy is needed.
std::optional<Strides> nocopy_strides(const Shape& old_shape, const Strides& old_strides,
                                      const Shape& new_shape, std::int64_t itemsize) {
  Shape dims;
  Strides strides;
  for (std::size_t i = 0; i < old_shape.size(); ++i) {
    if (old_shape[i] != 1) {
      dims.push_back(old_shape[i]);
      strides.push_back(old_strides[i]);
    }
  }
  const std::size_t old_nd = dims.size();
  const std::size_t new_nd = new_shape.size();
  Strides out(new_nd, 0);
  std::size_t oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < new_nd && oi < old_nd) {
    std::int64_t np = new_shape[ni];
    std::int64_t op = dims[oi];
    while (np != op) {
      if (np < op) {
        np *= new_shape[nj++];
      } else {
        op *= dims[oj++];
      }
    }
    for (std::size_t ok = oi; ok + 1 < oj; ++ok) {
      if (strides[ok] != dims[ok + 1] * strides[ok + 1]) return std::nullopt;
    }
    out[nj - 1] = strides[oj - 1];
    for (std::size_t nk = nj - 1; nk > ni; --nk) out[nk - 1] = out[nk] * new_shape[nk];
    ni = nj++;
    oi = oj++;
  }
  const std::int64_t last = ni >= 1 ? out[ni - 1] : itemsize;
  for (std::size_t nk = ni; nk < new_nd; ++nk) out[nk] = last;
  return out;
}

}  // namespace

NDArray NDArray::reshape(Shape shape) const {
  if (!defined()) throw ValueError("reshape on a null NDArray");
  shape = resolve_shape(std::move(shape), size(), shape_);
  const auto item = static_cast<std::int64_t>(itemsize());
  if (size() == 0) {
    Strides strides = c_strides(shape, itemsize());
    return NDArray(buffer_, dtype_, std::move(shape), std::move(strides), offset_);
  }
  if (auto strides = nocopy_strides(shape_, strides_, shape, item)) {
    return NDArray(buffer_, dtype_, std::move(shape), std::move(*strides), offset_);
  }
  NDArray contiguous = copy();
  Strides strides = c_strides(shape, itemsize());
  return NDArray(contiguous.buffer_, dtype_, std::move(shape), std::move(strides), 0);
}

}  // namespace theano

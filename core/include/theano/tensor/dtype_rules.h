// The front end's dtype rules, public so tests and other front-end pieces can
// ask what a mixed expression will produce without building it.
#pragma once

#include <optional>
#include <vector>

#include "theano/core/dtype.h"
#include "theano/tensor/var.h"

namespace theano::tensor {

/// The dtype a weak scalar takes when it meets tensors of (promoted) dtype
/// `strong` (nullopt: no tensor at all, so its own default dtype).
DType weak_dtype(const WeakScalar& w, std::optional<DType> strong);
/// NumPy's result_type of tensors of `strong` dtypes and weak scalars.
DType result_dtype(const std::vector<DType>& strong, const std::vector<WeakScalar>& weak);

}  // namespace theano::tensor

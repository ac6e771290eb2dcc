// Internal: the test op class behind dbg_ops.h, one class for every kind.
#pragma once

#include <string>

#include "dbg_ops.h"
#include "theano/core/op.h"

namespace dbg {

using namespace theano;

/// One float tensor in, one out of the same type; `kind` picks the
/// behaviour: writes_input, undeclared_view, lying_shape, bad_kernel,
/// trusts_buffer, log, twice, thrice, quintuple, huge.
class DbgOp final : public Op {
 public:
  explicit DbgOp(std::string kind) : kind_(std::move(kind)) {}
  std::string name() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs in, OutputRefs out) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& shapes) const override;

 private:
  std::string kind_;
};

/// y = f(x) elementwise on a float array into a new C-contiguous array.
NDArray map_elements(const NDArray& x, double (*f)(double));

}  // namespace dbg

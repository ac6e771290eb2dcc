// ElemwiseInfo: an optional interface through which an elementwise op tells
// rewrites of any plugin which scalar op it applies and whether it works in
// place, without building its props (strings, a Composite's printed graph).
// It is found with dynamic_cast, like PrecheckedOp, so Op's vtable is the
// same with or without it.
#pragma once

#include <string_view>

#include "theano/core/graph.h"
#include "theano/core/op.h"

namespace theano {

/// Implemented by ops that apply one scalar op element by element.
class ElemwiseInfo {
 public:
  virtual ~ElemwiseInfo() = default;
  /// The scalar op's registry name ("add", "exp", "Composite", ...); the
  /// view stays valid while the op lives.
  virtual std::string_view scalar_op_name() const = 0;
  /// Whether some output overwrites an input (a non-empty in-place pattern).
  virtual bool is_inplace() const = 0;
};

/// The ElemwiseInfo of `node`'s op, or nullptr (also for a null node).
/// Answers as dynamic_cast does, remembering per thread what the last few
/// dynamic op types gave (rewrites ask for every node they look at).
const ElemwiseInfo* elemwise_info(const Apply* node);

/// The scalar op name of a node applying it element by element without
/// working in place; empty for any other node (in-place ones included).
inline std::string_view plain_elemwise_name(const Apply* node) {
  const ElemwiseInfo* info = elemwise_info(node);
  return info && !info->is_inplace() ? info->scalar_op_name() : std::string_view();
}

}  // namespace theano

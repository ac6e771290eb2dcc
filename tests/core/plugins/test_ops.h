// A minimal op for the test plugins: identity under any name, with a real
// perform (the output shares the input's storage, as a view would).
#pragma once

#include <memory>
#include <string>

#include "theano/core/errors.h"
#include "theano/core/op.h"
#include "theano/plugin_api/registrar.h"

namespace theano::test {

class NamedIdentityOp final : public Op {
 public:
  explicit NamedIdentityOp(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    if (inputs.size() != 1) {
      throw ValueError(name_ + ": expected 1 input, got " + std::to_string(inputs.size()));
    }
    TypePtr type = inputs[0]->type();
    return build(std::move(inputs), {type});
  }
  void perform(const Apply&, InputRefs inputs, OutputRefs outputs) const override {
    outputs[0] = inputs[0];
  }

 private:
  std::string name_;
};

/// The schema of an identity op called `name`.
inline OpSchema identity_schema(const std::string& name, const std::string& doc) {
  return OpSchema{
      name, doc, [name](const Props&) -> OpPtr { return std::make_shared<NamedIdentityOp>(name); }};
}

/// A kernel for `op` on the CPU that declines every node (enough to test dispatch order).
inline KernelSpec declining_kernel(const std::string& op, const std::string& name, int priority) {
  return KernelSpec{op, "cpu", priority, name,
                    [](const Apply&) -> std::optional<Thunk> { return std::nullopt; }};
}

}  // namespace theano::test

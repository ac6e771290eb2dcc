// Small local rewrites: constant folding, OpSub and OpRemove.
#include "theano/core/errors.h"
#include "theano/optdb/optimizers.h"

namespace theano::optdb {

std::optional<std::vector<Var>> ConstantFolding::transform(FunctionGraph&, Apply& node) const {
  for (const auto& in : node.inputs())
    if (in->kind() != Variable::Kind::Constant) return std::nullopt;
  for (int k = 0; k < node.nout(); ++k)
    if (!node.out(k)->type()->device().is_cpu()) return std::nullopt;  // perform runs on the CPU
  if (!node.op().do_constant_folding(node)) return std::nullopt;

  std::vector<Value> inputs;
  for (const auto& in : node.inputs()) inputs.push_back(static_cast<const Constant&>(*in).value());
  for (const auto& [out, ins] : node.op().destroy_map())  // never overwrite a constant's data
    for (int i : ins) inputs.at(i) = inputs.at(i).deep_copy();
  std::vector<Value> outputs(node.nout());
  std::vector<const Value*> in_cells;
  std::vector<Value*> out_cells;
  for (auto& v : inputs) in_cells.push_back(&v);
  for (auto& v : outputs) out_cells.push_back(&v);
  try {
    node.op().perform(node, InputRefs(in_cells.data(), in_cells.size()),
                      OutputRefs(out_cells.data(), out_cells.size()));
  } catch (const NotImplementedError&) {
    return std::nullopt;  // the op cannot run here; leave it to its kernel
  }
  std::vector<Var> result;
  for (int k = 0; k < node.nout(); ++k) {
    result.push_back(Constant::make(node.out(k)->type(), std::move(outputs[k]), node.out(k)->name(),
                                    node.loc()));
  }
  return result;
}

OpSub::OpSub(OpPtr from, OpPtr to, std::string name)
    : from_(std::move(from)), to_(std::move(to)), name_(std::move(name)) {
  if (!from_ || !to_) throw ValueError("OpSub needs two ops");
  if (name_.empty()) name_ = "OpSub(" + from_->display() + " -> " + to_->display() + ")";
}

std::optional<std::vector<Var>> OpSub::transform(FunctionGraph&, Apply& node) const {
  if (!node.op().equals(*from_)) return std::nullopt;
  return to_->make_node(node.inputs())->outputs();
}

OpRemove::OpRemove(OpPtr op, std::string name)
    : op_(std::move(op)), op_name_(op_ ? op_->name() : ""), name_(std::move(name)) {
  if (!op_) throw ValueError("OpRemove needs an op");
  if (name_.empty()) name_ = "OpRemove(" + op_->display() + ")";
}

OpRemove::OpRemove(std::string op_name, std::string name)
    : op_name_(std::move(op_name)), name_(std::move(name)) {
  if (name_.empty()) name_ = "OpRemove(" + op_name_ + ")";
}

std::optional<std::vector<Var>> OpRemove::transform(FunctionGraph&, Apply& node) const {
  if (op_ ? !node.op().equals(*op_) : node.op().name() != op_name_) return std::nullopt;
  if (node.nin() < 1 || node.nout() != 1) return std::nullopt;
  if (!same_type(node.input(0)->type(), node.out(0)->type())) return std::nullopt;
  return std::vector<Var>{node.input(0)};
}

}  // namespace theano::optdb

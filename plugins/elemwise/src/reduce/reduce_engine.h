// Executing a CAReduce node: the accumulation loop nest, its split across
// threads (over kept axes, or over chunks of reduced axes with private
// accumulators combined in a fixed order, so results do not depend on the
// number of threads), and the optional fused elementwise producer.
#pragma once

#include "careduce_op.h"
#include "theano/plugin_api/scalar_op.h"

namespace theano::elemwise {

struct ReducePlan {
  std::string op;  ///< display name for errors
  ReduceSpec spec;
  std::vector<StaticShape> in_static;
  std::shared_ptr<const ScalarOp> pre;  ///< Composite of the fused producer, or null
  LoopSignature pre_sig;
  ScalarLoop pre_loop;
  std::int64_t parallel_min_size = 0;
  NDArray identity;  ///< 0-d identity of the reduction in the accumulator dtype
};

ReducePlan make_reduce_plan(const Apply& node, const ReduceSpec& spec);
void run_reduce(const ReducePlan& plan, InputRefs inputs, OutputRefs outputs);

}  // namespace theano::elemwise

// Example cases for scalar ops, for the plugin test harness and
// `theano check-plugin`. A scalar op is an Op on ScalarType variables whose
// gradient is written as a tensor graph for Elemwise, so its own cases check
// perform, compilation, props and aliasing with check_grad off; its gradient
// is checked through Elemwise cases (see elemwise_case).
#pragma once

#include <string>
#include <vector>

#include "theano/core/ndarray.h"
#include "theano/core/type.h"
#include "theano/plugin_api/registrar.h"

namespace theano {

/// One case per point: the point's coordinates are the op's inputs, 0-d
/// values of `dtype` on ScalarType variables.
inline std::vector<ExampleCase> scalar_examples(const std::vector<std::vector<double>>& points,
                                                DType dtype = DType::Float64,
                                                const Props& props = {}) {
  std::vector<ExampleCase> cases;
  for (const std::vector<double>& point : points) {
    ExampleCase ex{"at (", props, {}, {}, false};
    for (std::size_t i = 0; i < point.size(); ++i) {
      ex.label += (i ? ", " : "") + std::to_string(point[i]);
      ex.inputs.emplace_back(NDArray::from_values<double>({point[i]}).reshape({}).astype(dtype));
      ex.input_types.push_back(ScalarType::make(dtype));
    }
    ex.label += ")";
    cases.push_back(std::move(ex));
  }
  return cases;
}

/// An Elemwise case applying scalar op `scalar_name` to float64 vectors, one
/// per input (all the same length), with the gradient checked.
inline ExampleCase elemwise_case(const std::string& scalar_name,
                                 const std::vector<std::vector<double>>& inputs) {
  ExampleCase ex{"gradient of " + scalar_name, Props{{"scalar_op", scalar_name}}, {}};
  for (const std::vector<double>& values : inputs) {
    ex.inputs.emplace_back(
        NDArray::from_vector(values, {static_cast<std::int64_t>(values.size())}));
  }
  return ex;
}

}  // namespace theano

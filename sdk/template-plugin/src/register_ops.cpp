// Registration of the Huber op: its schema (how to build it from props, a
// one-line doc, the example cases `theano check-plugin` and the harness run)
// and the huber.default_delta flag that from_props falls back on.
#include <stdexcept>
#include <string>

#include "huber_op.h"
#include "registration.h"
#include "theano/core/errors.h"

namespace acme {

namespace {

using theano::NDArray;

// Example values stay away from |r| == delta, where the loss has no second
// derivative and finite differences would straddle the kink.
std::vector<theano::ExampleCase> huber_examples() {
  return {
      theano::ExampleCase{"vector, delta 1",
                          theano::Props{{"delta", 1.0}},
                          {NDArray::from_values<double>({-2.5, -0.4, 0.0, 0.7, 3.0})}},
      theano::ExampleCase{"matrix, delta 0.5",
                          theano::Props{{"delta", 0.5}},
                          {NDArray::from_values<double>({0.2, -1.5, 0.9, -0.1}, {2, 2})}},
      theano::ExampleCase{"float32, delta 2",
                          theano::Props{{"delta", 2.0}},
                          {NDArray::from_values<float>({-3.f, 1.f, 4.5f})}},
  };
}

void validate_delta(const std::string& text) {
  double value = 0;
  try {
    value = std::stod(text);
  } catch (const std::logic_error&) {
    throw theano::ConfigError("expected a positive number, got '" + text + "'");
  }
  if (!(value > 0)) throw theano::ConfigError("must be > 0, got '" + text + "'");
}

}  // namespace

void register_ops(theano::Registrar& r) {
  r.add_op(theano::OpSchema{"Huber",
                            "elementwise Huber loss: r^2/2 for |r| <= delta, "
                            "delta (|r| - delta/2) beyond",
                            &HuberOp::from_props, huber_examples()});
  r.add_config_option(theano::ConfigOptionSpec{"huber.default_delta",
                                               "1.0",
                                               "delta of a Huber op built without a delta prop",
                                               {},
                                               validate_delta});
}

}  // namespace acme

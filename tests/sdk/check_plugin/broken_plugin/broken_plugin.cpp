// The deliberately broken plugin "theano.test.broken": registers the ops of
// broken_ops.h, each with one example case (but NoExamples), for the tests
// of `theano check-plugin` and of the harness library.
#include "broken_ops.h"
#include "theano/plugin_api/plugin.h"

namespace broken {
namespace {

using namespace theano;

NDArray vec(std::vector<double> v) {
  Shape shape{static_cast<std::int64_t>(v.size())};
  return NDArray::from_vector(v, shape);
}

std::vector<ExampleCase> one_case() {
  return {{"vector", {}, {vec({0.5, -1.25, 2.0, 0.75})}}};
}

void register_broken(Registrar& r) {
  r.add_op({"GoodSquare", "x*x, correct",
            [](const Props&) -> OpPtr { return std::make_shared<Square>("GoodSquare", 2.0); },
            one_case()});
  r.add_op({"WrongGrad", "x*x whose gradient forgets the factor 2",
            [](const Props&) -> OpPtr { return std::make_shared<Square>("WrongGrad", 1.0); },
            one_case()});
  r.add_op({"WrongRop", "x*x whose R_op forgets the factor 2",
            [](const Props&) -> OpPtr { return std::make_shared<Square>("WrongRop", 2.0, 1.0); },
            one_case()});
  r.add_op({"WrongDtype", "x*x returned as float32",
            [](const Props&) -> OpPtr { return std::make_shared<WrongDtype>(); }, one_case()});
  r.add_op({"BadThunk", "x*x whose make_thunk adds 1",
            [](const Props&) -> OpPtr { return std::make_shared<BadThunk>(); }, one_case()});
  r.add_op({"LyingView", "returns its input's buffer without declaring a view",
            [](const Props&) -> OpPtr { return std::make_shared<LyingView>(); }, one_case()});
  r.add_op({"SecretWriter", "2*x, and zeroes its input without declaring it",
            [](const Props&) -> OpPtr { return std::make_shared<SecretWriter>(); }, one_case()});
  r.add_op({"WrongShape", "copy whose infer_shape says length 7",
            [](const Props&) -> OpPtr { return std::make_shared<WrongShape>(); }, one_case()});
  r.add_op({"LossyProps",
            "copy whose from_props drops the label",
            [](const Props& p) -> OpPtr {
              return std::make_shared<LossyProps>(
                  p.contains("label") ? p.get_as<std::string>("label") : "default");
            },
            {{"labelled", Props{{"label", "kept"}}, {vec({1.0, 2.0})}}}});
  r.add_op({"NoExamples", "correct copy without example cases",
            [](const Props&) -> OpPtr { return std::make_shared<Copy>("NoExamples"); }});
}

}  // namespace
}  // namespace broken

THEANO_PLUGIN("theano.test.broken", "0.1.0", broken::register_broken,
              THEANO_DEPENDS({"theano.ops.elemwise", ">=0.1, <1", 0}))

// The test plugin's registration table and the helpers tests call.
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "testops/testops_impl.h"
#include "theano/core/init.h"
#include "theano/plugin_api/plugin.h"

namespace testops {

namespace {

OpPtr binary(const std::string& name, const Props& p) {
  bool inplace = p.contains("inplace") && p.get_as<bool>("inplace");
  return std::make_shared<BinaryOp>(name, inplace);
}

// Host memory pretending to be a device, so placement errors can be tested.
class FakeDeviceMemory final : public DeviceMemory {
 public:
  void* allocate(std::size_t bytes, std::size_t alignment, int) override {
    return std::aligned_alloc(alignment, (bytes + alignment - 1) / alignment * alignment + alignment);
  }
  void deallocate(void* p, std::size_t, int) noexcept override { std::free(p); }
  void copy(void* dst, const void* src, std::size_t bytes, Direction, int) override {
    std::memcpy(dst, src, bytes);
  }
};

void register_test_ops(Registrar& r) {
  r.add_op({"TestAdd", "a + b on same-shape float arrays", [](const Props& p) { return binary("TestAdd", p); }});
  r.add_op({"TestMul", "a * b on same-shape float arrays", [](const Props& p) { return binary("TestMul", p); }});
  for (const char* kind : {"neg", "sum", "view", "fail", "counter", "to_fake"}) {
    auto op = std::make_shared<UnaryOp>(kind);
    r.add_op({op->name(), std::string("test op: ") + kind, [op](const Props&) { return op; }});
  }
  r.add_op({"TestIfElse", "lazy (cond, then, else)", [](const Props&) { return std::make_shared<IfElseOp>(); }});
  // A kernel outranking perform for TestMul: proves dispatch picks it.
  r.add_kernel({"TestMul", "cpu", 10, "testmul_counting", [](const Apply& node) -> std::optional<Thunk> {
                  const Apply* n = &node;
                  return Thunk([n](InputRefs in, OutputRefs out) {
                    ++fast_mul_calls;
                    n->op().perform(*n, in, out);
                  });
                }});
  r.add_device({"fakedev", std::make_shared<FakeDeviceMemory>(), [] { return 1; }});
}

}  // namespace

THEANO_STATIC_PLUGIN(plugin, "theano.test.ops", "0.1.0", register_test_ops, )

void init() {
  static std::once_flag once;
  std::call_once(once, [] {
    InitOptions options;
    options.static_plugins.push_back(plugin());
    initialize(options);
  });
}

namespace {
Var apply_op(const std::string& name, std::vector<Var> inputs, const Props& props = {}) {
  init();
  return Registry::global().make_op(name, props)->apply1(std::move(inputs));
}
}  // namespace

Var add(const Var& a, const Var& b) { return apply_op("TestAdd", {a, b}); }
Var mul(const Var& a, const Var& b) { return apply_op("TestMul", {a, b}); }
Var neg(const Var& a) { return apply_op("TestNeg", {a}); }
Var sum(const Var& a) { return apply_op("TestSum", {a}); }
Var ifelse(const Var& c, const Var& t, const Var& e) { return apply_op("TestIfElse", {c, t, e}); }
Var view(const Var& a) { return apply_op("TestView", {a}); }
Var add_inplace(const Var& a, const Var& b) { return apply_op("TestAdd", {a, b}, {{"inplace", true}}); }
Var fail_if_negative(const Var& a) { return apply_op("TestFailIfNegative", {a}); }
Var counter(const Var& a) { return apply_op("TestCounter", {a}); }
Var to_fake_device(const Var& a) { return apply_op("TestToFakeDevice", {a}); }

Var fvector(const std::string& name) { return Variable::make(TensorType::make(DType::Float32, 1), name); }
Var dvector(const std::string& name) { return Variable::make(TensorType::make(DType::Float64, 1), name); }
Var dscalar(const std::string& name) { return Variable::make(TensorType::make(DType::Float64, 0), name); }

}  // namespace testops

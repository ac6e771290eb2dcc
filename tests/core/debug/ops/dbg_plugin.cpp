// The registration table of the "theano.test.debug_ops" plugin: the
// dishonest ops, the kernel that disagrees with perform, and three rewrites
// that break values and one that keeps them by building a new node (each
// behind its own tag, off unless a test includes it).
#include <mutex>

#include "dbg_ops_impl.h"
#include "testops/testops.h"
#include "theano/core/init.h"
#include "theano/core/registry.h"
#include "theano/optdb/rewriter.h"
#include "theano/plugin_api/plugin.h"

namespace dbg {

namespace {

const char* const kKinds[] = {
    "writes_input", "undeclared_view", "lying_shape", "bad_kernel", "trusts_buffer",
    "log",          "twice",           "thrice",      "quintuple",  "huge"};

double minus_x_plus_one(double v) {
  return -v + 1;
}

// Replaces every output of op `op_name` by its input, telling the graph `reason`.
std::shared_ptr<optdb::GraphRewriter> drop_all(const std::string& name, const std::string& op_name,
                                               const std::string& reason) {
  return std::make_shared<optdb::FunctionGraphRewriter>(name, [op_name, reason](FunctionGraph& fg) {
    int n = 0;
    for (Apply* node : fg.nodes_with_op(op_name)) {
      fg.replace(node->output(0), node->input(0), reason);
      ++n;
    }
    return n;
  });
}

void register_debug_test_ops(Registrar& r) {
  for (const char* kind : kKinds) {
    auto op = std::make_shared<DbgOp>(kind);
    r.add_op(
        {op->name(), std::string("debug test op: ") + kind, [op](const Props&) { return op; }});
  }
  r.add_kernel(
      {"DbgBadKernel", "cpu", 10, "dbg_bad_kernel", [](const Apply&) -> std::optional<Thunk> {
         return Thunk([](InputRefs in, OutputRefs out) {
           out[0] = map_elements(in[0].array(), minus_x_plus_one);
         });
       }});
  r.add_rewrite({"dbg_wrong_twice",
                 {"dbg_wrong"},
                 "canonicalize",
                 std::make_shared<optdb::FunctionLocalRewriter>(
                     "dbg_wrong_twice", std::vector<std::string>{"DbgTwice"},
                     [](FunctionGraph&, Apply& node) -> std::optional<std::vector<Var>> {
                       return std::vector<Var>{node.input(0)};
                     }),
                 0});
  r.add_rewrite({"dbg_twice_as_add",
                 {"dbg_rebuild"},
                 "specialize",
                 std::make_shared<optdb::FunctionLocalRewriter>(
                     "dbg_twice_as_add", std::vector<std::string>{"DbgTwice"},
                     [](FunctionGraph&, Apply& node) -> std::optional<std::vector<Var>> {
                       return std::vector<Var>{testops::add(node.input(0), node.input(0))};
                     }),
                 0});
  r.add_rewrite({"dbg_unnamed_quintuple",
                 {"dbg_unnamed"},
                 "fusion",
                 drop_all("dbg_unnamed_quintuple", "DbgQuintuple", ""),
                 0});
  r.add_rewrite({"dbg_hidden_thrice",
                 {"dbg_hidden"},
                 "jit",
                 drop_all("dbg_hidden_thrice", "DbgThrice", "revert"),
                 0});
}

THEANO_STATIC_PLUGIN(plugin, "theano.test.debug_ops", "0.1.0", register_debug_test_ops)

Var apply_kind(const std::string& kind, const Var& x) {
  init();
  return std::make_shared<DbgOp>(kind)->apply1({x});
}

}  // namespace

void init() {
  static std::once_flag once;
  std::call_once(once, [] {
    InitOptions o;
    o.static_plugins = {testops::plugin(), plugin()};
    o.search_path = false;
    initialize(o);
  });
}

Var writes_input(const Var& x) {
  return apply_kind("writes_input", x);
}
Var undeclared_view(const Var& x) {
  return apply_kind("undeclared_view", x);
}
Var lying_shape(const Var& x) {
  return apply_kind("lying_shape", x);
}
Var bad_kernel(const Var& x) {
  return apply_kind("bad_kernel", x);
}
Var trusts_buffer(const Var& x) {
  return apply_kind("trusts_buffer", x);
}
Var log(const Var& x) {
  return apply_kind("log", x);
}
Var twice(const Var& x) {
  return apply_kind("twice", x);
}
Var thrice(const Var& x) {
  return apply_kind("thrice", x);
}
Var quintuple(const Var& x) {
  return apply_kind("quintuple", x);
}
Var huge(const Var& x) {
  return apply_kind("huge", x);
}

}  // namespace dbg

// function(): check the user's request, build the graph, rewrite and link it.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "function_impl.h"
#include "storage_root.h"
#include "theano/core/config.h"
#include "theano/core/debug/test_values.h"
#include "theano/core/init.h"
#include "theano/optdb/optimize.h"

namespace theano {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

void check_inputs(const std::vector<In>& inputs) {
  std::unordered_set<const Variable*> seen;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Var& v = inputs[i].variable;
    std::string where = "function input " + std::to_string(i);
    if (!v) throw TypeError(where + " is null");
    if (v->kind() == Variable::Kind::Constant)
      throw TypeError(where + " (" + v->str() + ") is a constant; constants cannot be inputs");
    if (v->kind() == Variable::Kind::Shared)
      throw TypeError(where + " (" + v->str() +
                      ") is a shared variable; shared variables are implicit inputs. To substitute "
                      "one, use givens");
    if (v->owner())
      throw TypeError(where + " (" + v->str() + ") is computed by " + v->owner()->op().display() +
                      "; inputs must be free variables (use givens to substitute an expression)");
    if (!seen.insert(v.get()).second) throw TypeError(where + " (" + v->str() + ") is given twice");
  }
}

void check_updates(const VarPairs& updates) {
  std::unordered_set<const Variable*> seen;
  for (const auto& [target, expr] : updates) {
    if (!target || !expr) throw TypeError("update: null variable");
    if (target->kind() != Variable::Kind::Shared) {
      throw TypeError("update target " + target->str() +
                      " is not a SharedVariable; to update part of a shared variable W, write the "
                      "update as (W, set_subtensor(W[idx], value))");
    }
    if (!seen.insert(target.get()).second)
      throw TypeError("shared variable " + target->str() + " already has an update expression");
    if (!same_type(target->type(), expr->type())) {
      throw TypeError("an update must have the same type as its shared variable: " + target->str() +
                      " is " + target->type()->str() + ", the update expression is " +
                      expr->type()->str() +
                      " (cast the expression, or make the static shapes agree)");
    }
  }
}

// Adds the default updates of shared variables reachable from the graph,
// following the updates' own dependencies until nothing new appears.
VarPairs collect_updates(const std::vector<Out>& outputs, const FunctionOptions& opt) {
  VarPairs updates = opt.updates;
  if (opt.no_default_updates) return updates;
  std::unordered_set<const Variable*> skip, has;
  for (const auto& v : opt.no_default_updates_for) skip.insert(v.get());
  for (const auto& [t, e] : updates) has.insert(t.get());
  std::vector<Var> roots;
  for (const auto& o : outputs) roots.push_back(o.variable);
  for (const auto& [t, e] : updates) roots.push_back(e);
  for (std::size_t scanned = 0;;) {
    std::vector<Var> fresh;
    for (Variable* v : ancestors(std::vector<Var>(roots.begin() + scanned, roots.end()))) {
      auto* sv = dynamic_cast<SharedVariable*>(v);
      if (!sv || !sv->default_update() || skip.count(sv) || !has.insert(sv).second) continue;
      updates.push_back({sv->self(), sv->default_update()});
      fresh.push_back(sv->default_update());
    }
    scanned = roots.size();
    if (fresh.empty()) break;
    roots.insert(roots.end(), fresh.begin(), fresh.end());
  }
  return updates;
}

void check_unused(const FunctionGraph& fg, const std::vector<In>& inputs, std::string policy) {
  if (policy.empty()) policy = Config::global().get("on_unused_input");
  if (policy == "ignore") return;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!fg.clients(fg.inputs()[i].get()).empty()) continue;
    std::string msg = "input " + std::to_string(i) + " (" + inputs[i].variable->str() +
                      ") is not used to compute the outputs; pass on_unused_input = \"warn\" or "
                      "\"ignore\" to allow it";
    if (policy == "raise") throw UnusedInputError(msg);
    std::cerr << "theano: warning: " << msg << "\n";
  }
}

bool has_lazy_node(const FunctionGraph& fg) {
  for (const Apply* n : fg.apply_nodes())
    if (n->op().as_lazy()) return true;
  return false;
}

std::vector<bool> outputs_needing_copy(const FunctionGraph& fg, std::size_t num_outputs) {
  std::vector<bool> need(num_outputs, false);
  std::unordered_set<const Variable*> roots;
  // Update results alias the shared storage after the call.
  for (std::size_t k = num_outputs; k < fg.outputs().size(); ++k)
    roots.insert(storage_root(fg.outputs()[k].get()));
  for (std::size_t k = 0; k < num_outputs; ++k) {
    const Variable* r = storage_root(fg.outputs()[k].get());
    need[k] = !r->owner() || !roots.insert(r).second;
  }
  return need;
}

// The roots in-place ops may overwrite: inputs the caller marked mutable
// and shared variables that receive an update (their old value is dead
// after the call), as the inplace_shared_updates flag allows. Under the
// default, "checked", only ops that validate their inputs before writing
// may overwrite shared storage, as the program's last steps, so a call
// that fails changes no shared variable; a lazy graph (ifelse) runs in an
// order of its own, so there the updates are copied.
optdb::OptimizeOptions destroyable_roots(const std::vector<In>& inputs, const FunctionGraph& fg,
                                         const VarPairs& updates) {
  optdb::OptimizeOptions o;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (inputs[i].mutable_) o.destroyable.insert(fg.inputs()[i].get());
  std::string policy = Config::global().get("inplace_shared_updates");
  bool always = policy == "always" || policy == "True";
  if (policy == "never" || policy == "False") return o;
  if (!always && has_lazy_node(fg)) return o;
  std::unordered_set<const Container*> updated;
  for (const auto& [target, expr] : updates)
    updated.insert(static_cast<const SharedVariable*>(target.get())->container().get());
  for (const Variable* v : fg.variables()) {
    if (v->kind() != Variable::Kind::Shared) continue;
    if (!updated.count(static_cast<const SharedVariable*>(v)->container().get())) continue;
    o.destroyable.insert(v);
    if (!always) o.prechecked_only.insert(v);
  }
  return o;
}

}  // namespace

const FunctionGraph& CompiledGraph::unoptimized() const {
  std::call_once(unoptimized_once_, [this] { unoptimized_ = make_unoptimized(); });
  return *unoptimized_;
}

Function function(std::vector<In> inputs, std::vector<Out> outputs, FunctionOptions options,
                  std::source_location loc) {
  initialize();
  check_inputs(inputs);
  for (std::size_t i = 0; i < outputs.size(); ++i)
    if (!outputs[i].variable) throw TypeError("function output " + std::to_string(i) + " is null");
  check_updates(options.updates);
  VarPairs updates = collect_updates(outputs, options);

  auto impl = std::make_shared<FunctionImpl>();
  impl->name = options.name;
  impl->mode = options.mode ? *options.mode : Mode::from_config();
  impl->compiled_at = SourceLoc::from(loc);
  impl->allow_input_downcast_set = options.allow_input_downcast.has_value();
  impl->allow_input_downcast = options.allow_input_downcast.value_or(false);

  // Clone the user's graph (applying givens), outputs then update expressions.
  std::vector<Var> in_vars, out_vars;
  for (const auto& in : inputs) in_vars.push_back(in.variable);
  for (const auto& o : outputs) out_vars.push_back(o.variable);
  for (const auto& [t, e] : updates) out_vars.push_back(e);
  CloneMap cm = clone_graph(in_vars, out_vars, /*copy_inputs=*/true, options.givens);
  std::vector<Var> fg_in, fg_out;
  for (const auto& v : in_vars) fg_in.push_back(cm[v.get()]);
  for (const auto& v : out_vars) fg_out.push_back(cm[v.get()]);

  auto compiled = std::make_shared<CompiledGraph>();
  compiled->num_outputs = outputs.size();
  compiled->fg = std::make_unique<FunctionGraph>(fg_in, fg_out, /*clone=*/false);
  check_unused(*compiled->fg, inputs, options.on_unused_input);
  // The user's graph is immutable, so cloning it again later gives the
  // same unoptimized graph (see CompiledGraph::unoptimized).
  compiled->make_unoptimized = [in_vars, out_vars, givens = options.givens] {
    CloneMap again = clone_graph(in_vars, out_vars, /*copy_inputs=*/true, givens);
    std::vector<Var> ins, outs;
    for (const auto& v : in_vars) ins.push_back(again[v.get()]);
    for (const auto& v : out_vars) outs.push_back(again[v.get()]);
    return std::make_unique<FunctionGraph>(ins, outs, /*clone=*/false);
  };

  // Nodes built by rewrites need no test values (compute_test_value is for user code).
  debug::ScopedTestValuePolicy no_test_values("off");
  // Debugging and profiling instruments (core/src/debug); null for plain modes.
  compiled->instrument = debug::make_instrument(impl->mode, options);
  debug::Instrument* instrument = compiled->instrument.get();

  auto t0 = Clock::now();
  optdb::OptimizeReport report;
  if (instrument) instrument->before_optimize(*compiled->fg);
  optdb::optimize(*compiled->fg, impl->mode, instrument ? &report : nullptr,
                  destroyable_roots(inputs, *compiled->fg, updates));
  compiled->optimizer_seconds = seconds_since(t0);
  if (instrument) instrument->after_optimize(*compiled->fg, report, compiled->optimizer_seconds);
  compiled->output_needs_copy = outputs_needing_copy(*compiled->fg, outputs.size());

  t0 = Clock::now();
  LinkerOptions lo;
  lo.allow_gc = impl->mode.allow_gc.value_or(Config::global().get_bool("allow_gc"));
  lo.hooks = impl->mode.hooks;
  if (instrument) instrument->extend(lo);
  compiled->program = make_linker(impl->mode.linker, lo)->link(*compiled->fg);
  compiled->linker_seconds = seconds_since(t0);
  if (instrument) instrument->after_link(*compiled->program, compiled->linker_seconds);

  // Bind shared cells to containers, and updates to their output slots.
  const Program& prog = *compiled->program;
  std::unordered_map<const Container*, int> container_index;
  for (const auto& [cell, var] : prog.shared_cells()) {
    auto* sv = static_cast<SharedVariable*>(var);
    container_index[sv->container().get()] = static_cast<int>(impl->containers.size());
    impl->containers.push_back(sv->container());
    impl->shared_vars.push_back(std::static_pointer_cast<SharedVariable>(sv->self()));
  }
  for (std::size_t k = 0; k < updates.size(); ++k) {
    auto* sv = static_cast<SharedVariable*>(updates[k].first.get());
    auto it = container_index.find(sv->container().get());
    int idx;
    if (it == container_index.end()) {  // updated but never read
      idx = static_cast<int>(impl->containers.size());
      impl->containers.push_back(sv->container());
      impl->shared_vars.push_back(std::static_pointer_cast<SharedVariable>(sv->self()));
    } else {
      idx = it->second;
    }
    impl->update_slots.push_back({idx, static_cast<int>(outputs.size() + k)});
    impl->locked.push_back(sv->container().get());
  }
  std::sort(impl->locked.begin(), impl->locked.end());
  impl->inputs = std::move(inputs);
  impl->outputs = std::move(outputs);
  impl->updates = std::move(updates);
  impl->compiled = std::move(compiled);
  return Function(std::move(impl));
}

}  // namespace theano

// Calling a compiled Function: bind arguments, run, apply updates atomically.
#include <algorithm>
#include <mutex>

#include <boost/container/small_vector.hpp>

#include "function_impl.h"

namespace theano {

std::unique_ptr<Frame> FunctionImpl::acquire() const {
  if (!spare_busy.test_and_set(std::memory_order_acquire)) {
    std::unique_ptr<Frame> f = std::move(spare);
    spare_busy.clear(std::memory_order_release);
    if (f) return f;
  }
  {
    std::lock_guard lock(pool_mutex);
    if (!pool.empty()) {
      auto f = std::move(pool.back());
      pool.pop_back();
      return f;
    }
  }
  return compiled->program->new_frame();
}

void FunctionImpl::release(std::unique_ptr<Frame> frame) const {
  if (!spare_busy.test_and_set(std::memory_order_acquire)) {
    if (!spare) frame.swap(spare);
    spare_busy.clear(std::memory_order_release);
    if (!frame) return;
  }
  std::lock_guard lock(pool_mutex);
  pool.push_back(std::move(frame));
}

namespace {

std::string fn_label(const FunctionImpl& f) {
  return f.name.empty() ? "function" : "function '" + f.name + "'";
}

std::string input_label(const FunctionImpl& f, std::size_t i) {
  const In& in = f.inputs[i];
  std::string n = in.name.empty() ? in.variable->name() : in.name;
  return "input " + std::to_string(i) + (n.empty() ? "" : " ('" + n + "')") + " of " + fn_label(f);
}

// Up to 8 arguments, locks and so on live on the stack: no allocation per call.
using BoundArgs = boost::container::small_vector<const Value*, 8>;
using Locks = boost::container::small_vector<std::unique_lock<std::mutex>, 4>;

// Orders the arguments by input position: positional first, then named,
// then defaults. Errors name the function and the offending input.
BoundArgs bind_arguments(const FunctionImpl& f, const std::vector<Value>& args,
                         const std::map<std::string, Value>& named) {
  std::size_t n = f.inputs.size();
  if (args.size() > n) {
    throw TypeError(fn_label(f) + " takes " + std::to_string(n) + " inputs, got " +
                    std::to_string(args.size()) + " positional arguments");
  }
  BoundArgs bound(n, nullptr);
  for (std::size_t i = 0; i < args.size(); ++i) bound[i] = &args[i];
  for (const auto& [key, value] : named) {
    std::size_t i = 0;
    for (; i < n; ++i) {
      const In& in = f.inputs[i];
      if ((in.name.empty() ? in.variable->name() : in.name) == key) break;
    }
    if (i == n) throw TypeError(fn_label(f) + " has no input named '" + key + "'");
    if (bound[i]) throw TypeError(fn_label(f) + ": input '" + key + "' given twice");
    bound[i] = &value;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (bound[i]) continue;
    if (f.inputs[i].value) {
      bound[i] = &*f.inputs[i].value;
      continue;
    }
    throw TypeError(fn_label(f) + " takes " + std::to_string(n) + " inputs; " + input_label(f, i) +
                    " was not given and has no default");
  }
  return bound;
}

Value filter_input(const FunctionImpl& f, std::size_t i, const Value& v) {
  const In& in = f.inputs[i];
  const TypePtr& type = in.variable->type();
  FilterOptions opt;
  opt.strict = in.strict;
  opt.allow_downcast = in.allow_downcast.value_or(f.allow_input_downcast);
  // Unset allow_input_downcast: a C++ double scalar may become floatX, as a
  // Python float could in Theano.
  if (!in.allow_downcast && !f.allow_input_downcast_set && v.is_array() && v.array().ndim() == 0 &&
      v.array().dtype() == DType::Float64) {
    const auto* tt = dynamic_cast<const TensorType*>(type.get());
    if (tt && tt->dtype() != DType::Float64 && is_float(tt->dtype())) opt.allow_downcast = true;
  }
  try {
    return type->filter(v, opt);
  } catch (const TypeError& e) {
    throw TypeError("bad argument for " + input_label(f, i) + ": " + e.what());
  }
}

// Whether an output after position k (a user output or an update) is the
// same cell as output k.
bool cell_read_later(const std::vector<int>& out_cells, std::size_t k) {
  return std::find(out_cells.begin() + static_cast<std::ptrdiff_t>(k) + 1, out_cells.end(),
                   out_cells[k]) != out_cells.end();
}

// Drops the references a frame holds to caller data and to outputs handed out.
void scrub(const Program& prog, Frame& frame) {
  for (int c : prog.input_cells()) frame.cells[c].reset();
  for (const auto& [c, v] : prog.shared_cells()) frame.cells[c].reset();
  for (int c : prog.output_cells()) frame.cells[c].reset();
  // An output may be a constant's cell, which new_frame fills only once.
  for (const auto& [c, v] : prog.constant_cells()) {
    if (frame.cells[c].empty()) frame.cells[c] = v;
  }
}

}  // namespace

std::vector<Value> Function::operator()(const std::vector<Value>& args,
                                        const std::map<std::string, Value>& named) const {
  const FunctionImpl& f = *impl_;
  const CompiledGraph& cg = *f.compiled;
  const Program& prog = *cg.program;
  BoundArgs bound = bind_arguments(f, args, named);
  std::unique_ptr<Frame> frame = f.acquire();
  Locks locks;
  std::vector<Value> results;
  try {
    // Filtered arguments go straight into the frame's input cells.
    const auto& input_cells = prog.input_cells();
    for (std::size_t i = 0; i < bound.size(); ++i)
      frame->cells[input_cells[i]] = filter_input(f, i, *bound[i]);
    // Functions with updates hold their containers' locks from here to the
    // updates, so concurrent calls see either all of an update or none of it.
    for (Container* c : f.locked) locks.emplace_back(c->mutex());
    const auto& shared_cells = prog.shared_cells();
    for (std::size_t k = 0; k < shared_cells.size(); ++k) {
      Container& c = *f.containers[k];
      bool held = std::binary_search(f.locked.begin(), f.locked.end(), &c);
      frame->cells[shared_cells[k].first] = held ? c.get_locked() : c.get();
    }
    prog.run(*frame);
    results.reserve(cg.num_outputs);
    const auto& out_cells = prog.output_cells();
    for (std::size_t k = 0; k < cg.num_outputs; ++k) {
      Value& v = frame->cells[out_cells[k]];
      // An output needing no copy has storage of its own: unless a later
      // output is the same cell, the frame's handle moves out (scrub resets
      // the cell anyway).
      if (!cg.output_needs_copy[k] && !cell_read_later(out_cells, k))
        results.push_back(std::move(v));
      else
        results.push_back(f.outputs[k].borrow ? v : v.deep_copy());
    }
  } catch (...) {
    scrub(prog, *frame);
    f.release(std::move(frame));
    throw;
  }
  const auto& out_cells = prog.output_cells();
  for (const auto& [container, out_pos] : f.update_slots)
    f.containers[container]->set_locked(frame->cells[out_cells[out_pos]]);
  scrub(prog, *frame);
  f.release(std::move(frame));
  return results;
}

Value Function::call1(const std::vector<Value>& args) const {
  auto out = (*this)(args);
  if (out.size() != 1) {
    throw ValueError("call1 on a function with " + std::to_string(out.size()) + " outputs");
  }
  return std::move(out[0]);
}

Function Function::copy(const VarPairs& swap, bool delete_updates, const std::string& name) const {
  auto impl = std::make_shared<FunctionImpl>();
  const FunctionImpl& f = *impl_;
  impl->compiled = f.compiled;
  impl->name = name.empty() ? f.name : name;
  impl->mode = f.mode;
  impl->inputs = f.inputs;
  impl->outputs = f.outputs;
  impl->containers = f.containers;
  impl->shared_vars = f.shared_vars;
  impl->allow_input_downcast_set = f.allow_input_downcast_set;
  impl->allow_input_downcast = f.allow_input_downcast;
  impl->compiled_at = f.compiled_at;
  for (const auto& [from, to] : swap) {
    auto* a = dynamic_cast<SharedVariable*>(from.get());
    auto* b = dynamic_cast<SharedVariable*>(to.get());
    if (!a || !b) throw TypeError("Function::copy: swap pairs must be shared variables");
    if (!same_type(a->type(), b->type())) {
      throw TypeError("Function::copy: cannot swap " + a->str() + " (" + a->type()->str() +
                      ") for " + b->str() + " (" + b->type()->str() + ")");
    }
    bool found = false;
    for (std::size_t k = 0; k < impl->containers.size(); ++k) {
      if (impl->containers[k] != a->container()) continue;
      impl->containers[k] = b->container();
      impl->shared_vars[k] = std::static_pointer_cast<SharedVariable>(b->self());
      found = true;
    }
    if (!found) throw ValueError("Function::copy: " + a->str() + " is not used by the function");
  }
  if (!delete_updates) {
    impl->updates = f.updates;
    impl->update_slots = f.update_slots;
    for (const auto& [idx, pos] : impl->update_slots)
      impl->locked.push_back(impl->containers[idx].get());
    std::sort(impl->locked.begin(), impl->locked.end());
  }
  return Function(std::move(impl));
}

const std::string& Function::name() const {
  return impl_->name;
}
const Mode& Function::mode() const {
  return impl_->mode;
}
const FunctionGraph& Function::fgraph() const {
  return *impl_->compiled->fg;
}
const FunctionGraph& Function::unoptimized_fgraph() const {
  return impl_->compiled->unoptimized();
}
const std::vector<In>& Function::inputs() const {
  return impl_->inputs;
}
const std::vector<Out>& Function::outputs() const {
  return impl_->outputs;
}
std::vector<std::shared_ptr<SharedVariable>> Function::shared_variables() const {
  return impl_->shared_vars;
}
const VarPairs& Function::updates() const {
  return impl_->updates;
}
double Function::optimizer_seconds() const {
  return impl_->compiled->optimizer_seconds;
}
double Function::linker_seconds() const {
  return impl_->compiled->linker_seconds;
}

}  // namespace theano

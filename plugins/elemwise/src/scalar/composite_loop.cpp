// Composite's kernel: a blocked interpreter. The inner graph is compiled once
// per signature into steps (inner kernel + argument slots); a call runs the
// steps over blocks of kBlock elements so every temporary stays in L1.
#include <algorithm>
#include <cstring>
#include <map>

#include "composite.h"
#include "convert.h"
#include "scratch.h"

namespace theano::elemwise {

namespace {

constexpr std::int64_t kBlock = 2048;
constexpr std::size_t kSlotBytes = kBlock * 16;  // widest dtype: complex128

struct Slot {
  enum class Kind { Input, Constant, Temp } kind;
  DType dtype;
  int index = 0;                   // input number or temp number
  const void* constant = nullptr;  // Constant: the value (dtype `dtype`)
};

struct Step {
  ScalarLoop loop;
  std::vector<int> args;
  std::vector<DType> arg_dtypes;  // what the inner kernel reads
  std::vector<int> outs;
  std::vector<DType> out_dtypes;  // what the inner kernel writes
};

struct Program {
  std::vector<Slot> slots;
  std::vector<Step> steps;
  std::vector<int> outputs;
  std::vector<NDArray> constants;
  int temps = 0;
  int max_args = 0;
  bool direct_last = false;  // the last step writes the single output in place
};

class Compiler {
 public:
  explicit Compiler(const FunctionGraph& g) : g_(g) {}

  Program compile() {
    for (std::size_t i = 0; i < g_.inputs().size(); ++i)
      add_slot(g_.inputs()[i].get(),
               Slot{Slot::Kind::Input, scalar_dtype(*g_.inputs()[i]), static_cast<int>(i)});
    for (const Apply* node : g_.toposort()) compile_node(*node);
    for (const auto& v : g_.outputs()) p_.outputs.push_back(slot_of(v.get()));
    const Slot& last = p_.slots[p_.outputs[0]];
    p_.direct_last = p_.outputs.size() == 1 && !p_.steps.empty() && last.kind == Slot::Kind::Temp &&
                     p_.steps.back().outs.size() == 1 && p_.steps.back().outs[0] == p_.outputs[0] &&
                     p_.steps.back().out_dtypes[0] == last.dtype;
    return std::move(p_);
  }

 private:
  int add_slot(const Variable* v, Slot s) {
    p_.slots.push_back(s);
    return index_[v] = static_cast<int>(p_.slots.size() - 1);
  }

  int slot_of(const Variable* v) {
    if (auto it = index_.find(v); it != index_.end()) return it->second;
    const auto* c = dynamic_cast<const Constant*>(v);
    if (!c) throw ValueError("Composite: inner variable " + v->str() + " has no producer");
    DType d = scalar_dtype(*c);
    p_.constants.push_back(c->value().array().astype(d).ascontiguous());
    return add_slot(v, Slot{Slot::Kind::Constant, d, 0, p_.constants.back().raw_data()});
  }

  void compile_node(const Apply& node) {
    const ScalarOp& op = scalar_op_of(node);
    Step step;
    std::vector<DType> in_d;
    for (const auto& in : node.inputs()) {
      step.args.push_back(slot_of(in.get()));
      in_d.push_back(p_.slots[step.args.back()].dtype);
    }
    LoopSignature sig = op.loop_signature(in_d);
    step.loop = op.make_loop(sig);
    step.arg_dtypes = sig.in;
    step.out_dtypes = sig.out;
    for (int k = 0; k < node.nout(); ++k) {
      step.outs.push_back(
          add_slot(node.out(k), Slot{Slot::Kind::Temp, scalar_dtype(*node.out(k)), p_.temps++}));
    }
    p_.max_args = std::max(p_.max_args, node.nin() + node.nout());
    p_.steps.push_back(std::move(step));
  }

  const FunctionGraph& g_;
  Program p_;
  std::map<const Variable*, int> index_;
};

// Pointers of every slot for the current block, and their element steps.
struct Frame {
  const void** ptr;
  std::int64_t* step;
};

// A Frame's storage: on the stack for the usual composites, so a call
// allocates nothing; on the heap past kInlineSlots.
class FrameStorage {
 public:
  explicit FrameStorage(std::size_t nslots) {
    if (nslots > kInlineSlots) {
      heap_ptr_.resize(nslots);
      heap_step_.resize(nslots);
    }
    frame_ = nslots > kInlineSlots ? Frame{heap_ptr_.data(), heap_step_.data()}
                                   : Frame{inline_ptr_, inline_step_};
    std::fill_n(frame_.ptr, nslots, nullptr);
    std::fill_n(frame_.step, nslots, std::int64_t{1});
  }
  Frame& frame() { return frame_; }

 private:
  static constexpr std::size_t kInlineSlots = 64;
  const void* inline_ptr_[kInlineSlots];
  std::int64_t inline_step_[kInlineSlots];
  std::vector<const void*> heap_ptr_;
  std::vector<std::int64_t> heap_step_;
  Frame frame_{};
};

void run_step(const Program& p, const Step& s, Frame& f, std::byte* conv, std::int64_t n) {
  std::size_t nargs = s.args.size();
  const void* in[64];
  void* out[16];
  std::int64_t steps[64];
  for (std::size_t k = 0; k < nargs; ++k) {
    int slot = s.args[k];
    DType have = p.slots[slot].dtype, want = s.arg_dtypes[k];
    steps[k] = f.step[slot];
    in[k] = f.ptr[slot];
    if (have != want) {
      std::byte* buf = conv + k * kSlotBytes;
      convert_contiguous(f.ptr[slot], have, buf, want, steps[k] ? n : 1);
      in[k] = buf;
    }
  }
  for (std::size_t k = 0; k < s.outs.size(); ++k) {
    int slot = s.outs[k];
    bool same = p.slots[slot].dtype == s.out_dtypes[k];
    out[k] = same ? const_cast<void*>(f.ptr[slot]) : conv + (nargs + k) * kSlotBytes;
  }
  s.loop(LoopArgs{n, in, steps, out});
  for (std::size_t k = 0; k < s.outs.size(); ++k) {
    int slot = s.outs[k];
    if (p.slots[slot].dtype != s.out_dtypes[k])
      convert_contiguous(out[k], s.out_dtypes[k], const_cast<void*>(f.ptr[slot]),
                         p.slots[slot].dtype, n);
  }
}

void copy_out(const Slot& slot, const void* src, std::int64_t step, void* dst, std::int64_t n) {
  std::size_t size = itemsize(slot.dtype);
  if (step) {
    if (src != dst) std::memmove(dst, src, size * static_cast<std::size_t>(n));
    return;
  }
  for (std::int64_t i = 0; i < n; ++i) std::memcpy(static_cast<char*>(dst) + i * size, src, size);
}

void run_program(const Program& p, const LoopArgs& a) {
  std::size_t nslots = p.slots.size();
  Scratch& scratch = thread_scratch(1);
  std::byte* mem = scratch.get((p.temps + p.max_args) * kSlotBytes);
  std::byte* conv = mem + p.temps * kSlotBytes;
  FrameStorage storage(nslots);
  Frame& f = storage.frame();
  for (std::size_t s = 0; s < nslots; ++s) {
    const Slot& slot = p.slots[s];
    if (slot.kind == Slot::Kind::Constant) {
      f.ptr[s] = slot.constant;
      f.step[s] = 0;
    } else if (slot.kind == Slot::Kind::Temp) {
      f.ptr[s] = mem + slot.index * kSlotBytes;
    } else {
      f.step[s] = a.in_step[slot.index];
    }
  }
  for (std::int64_t start = 0; start < a.n; start += kBlock) {
    std::int64_t n = std::min(kBlock, a.n - start);
    for (std::size_t s = 0; s < nslots; ++s) {
      const Slot& slot = p.slots[s];
      if (slot.kind == Slot::Kind::Input) {
        f.ptr[s] = static_cast<const char*>(a.in[slot.index]) +
                   (f.step[s] ? start * static_cast<std::int64_t>(itemsize(slot.dtype)) : 0);
      }
    }
    std::size_t nsteps = p.steps.size();
    int out0 = p.outputs[0];
    void* direct = static_cast<char*>(a.out[0]) +
                   start * static_cast<std::int64_t>(itemsize(p.slots[out0].dtype));
    for (std::size_t k = 0; k < nsteps; ++k) {
      if (k + 1 == nsteps && p.direct_last) f.ptr[out0] = direct;
      run_step(p, p.steps[k], f, conv, n);
    }
    if (p.direct_last) {
      f.ptr[out0] = mem + p.slots[out0].index * kSlotBytes;
      continue;
    }
    for (std::size_t k = 0; k < p.outputs.size(); ++k) {
      const Slot& slot = p.slots[p.outputs[k]];
      void* dst =
          static_cast<char*>(a.out[k]) + start * static_cast<std::int64_t>(itemsize(slot.dtype));
      copy_out(slot, f.ptr[p.outputs[k]], f.step[p.outputs[k]], dst, n);
    }
  }
}

// A program of one step reading the composite's inputs in order, with no
// conversion, is that step's kernel: no interpreter needed.
ScalarLoop single_step_kernel(const Program& p) {
  if (p.steps.size() != 1 || p.outputs.size() != 1) return nullptr;
  const Step& s = p.steps[0];
  if (s.outs.size() != 1 || s.outs[0] != p.outputs[0]) return nullptr;
  if (s.out_dtypes[0] != p.slots[s.outs[0]].dtype) return nullptr;
  for (std::size_t k = 0; k < s.args.size(); ++k) {
    const Slot& slot = p.slots[s.args[k]];
    if (slot.kind != Slot::Kind::Input || slot.index != static_cast<int>(k) ||
        slot.dtype != s.arg_dtypes[k])
      return nullptr;
  }
  return s.args.size() == p.slots.size() - 1 ? s.loop : nullptr;
}

}  // namespace

ScalarLoop CompositeOp::make_loop(const LoopSignature& sig) const {
  loop_signature(sig.in);  // the program depends on the inner graph only
  std::lock_guard<std::mutex> lock(loop_mutex_);
  if (loop_) return loop_;
  auto program = std::make_shared<const Program>(Compiler(*graph_).compile());
  if (ScalarLoop direct = single_step_kernel(*program)) return loop_ = direct;
  for (const auto& s : program->steps) {
    if (s.args.size() > 64 || s.outs.size() > 16)
      throw ValueError("Composite: an inner node has more than 64 inputs or 16 outputs");
  }
  return loop_ = [program](const LoopArgs& a) { run_program(*program, a); };
}

}  // namespace theano::elemwise

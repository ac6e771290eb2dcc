// Internal: state kept per program run by an instrument's hooks. The node
// hooks of one run are called on the thread that called Program::run, so
// the state lives in a thread-local stack keyed by the instrument that owns
// it (nested runs of other functions push above it). A run that fails never
// reaches run_end; its state is dropped when the same instrument next begins
// a run on that thread.
#pragma once

#include <memory>
#include <utility>
#include <vector>

namespace theano::debug {

template <class State>
class RunStates {
 public:
  /// A fresh state for a run of `owner` starting on this thread.
  static State& begin(const void* owner) {
    auto& s = stack();
    drop(owner);
    s.emplace_back(owner, std::make_unique<State>());
    return *s.back().second;
  }
  /// The innermost state of `owner` on this thread, or nullptr.
  static State* current(const void* owner) {
    auto& s = stack();
    for (auto it = s.rbegin(); it != s.rend(); ++it)
      if (it->first == owner) return it->second.get();
    return nullptr;
  }
  /// Removes and returns the state of `owner` at the end of its run.
  static std::unique_ptr<State> end(const void* owner) {
    auto& s = stack();
    for (auto it = s.rbegin(); it != s.rend(); ++it) {
      if (it->first != owner) continue;
      std::unique_ptr<State> out = std::move(it->second);
      s.erase(std::next(it).base());
      return out;
    }
    return nullptr;
  }

 private:
  using Stack = std::vector<std::pair<const void*, std::unique_ptr<State>>>;
  static Stack& stack() {
    thread_local Stack s;
    return s;
  }
  static void drop(const void* owner) {
    auto& s = stack();
    for (std::size_t i = s.size(); i-- > 0;)
      if (s[i].first == owner) s.erase(s.begin() + static_cast<std::ptrdiff_t>(i));
  }
};

}  // namespace theano::debug

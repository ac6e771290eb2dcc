// OptimizeSession: profile records, warnings and the rewrite-failure policy.
#include "theano/optdb/session.h"

#include <exception>
#include <iostream>

#include "theano/core/errors.h"

namespace theano::optdb {

OptimizeSession* OptimizeSession::of(const FunctionGraph& fg) {
  return fg.get_feature<OptimizeSession>();
}

std::size_t OptimizeSession::open_step(const std::string& name, std::size_t nodes) {
  steps_.push_back(StepRecord{name, depth_, 0, 0, nodes, nodes});
  ++depth_;
  return steps_.size() - 1;
}

void OptimizeSession::close_step(std::size_t index, double seconds, int applied,
                                 std::size_t nodes) {
  --depth_;
  StepRecord& s = steps_.at(index);
  s.seconds = seconds;
  s.applied = applied;
  s.nodes_after = nodes;
}

void report_warning(FunctionGraph& fg, const std::string& message) {
  std::cerr << "theano: warning: " << message << "\n";
  if (auto* s = OptimizeSession::of(fg)) s->warn(message);
}

void handle_rewrite_failure(FunctionGraph& fg, const std::string& name, const std::string& where) {
  auto* session = OptimizeSession::of(fg);
  OnError policy = session ? session->on_error : OnError::Raise;
  std::string what = "unknown exception";
  try {
    throw;
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  std::string message =
      "rewrite '" + name + "' failed" + (where.empty() ? "" : " on " + where) + ": " + what;
  switch (policy) {
    case OnError::Raise:
      throw CompileError(message + " (set on_opt_error=warn to skip failing rewrites)");
    case OnError::Warn:
      report_warning(fg, message + " (rewrite skipped)");
      return;
    case OnError::Ignore:
      return;
  }
}

}  // namespace theano::optdb

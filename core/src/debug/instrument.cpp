// make_instrument: the instruments a compilation needs, combined.
#include "theano/core/debug/instrument.h"

#include "instruments.h"
#include "mode_options.h"
#include "theano/core/debug/profiler.h"

namespace theano::debug {

namespace {

class CompositeInstrument final : public Instrument {
 public:
  explicit CompositeInstrument(std::vector<std::shared_ptr<Instrument>> parts)
      : parts_(std::move(parts)) {}
  void before_optimize(FunctionGraph& fg) override {
    for (auto& p : parts_) p->before_optimize(fg);
  }
  void after_optimize(FunctionGraph& fg, const optdb::OptimizeReport& r, double s) override {
    for (auto& p : parts_) p->after_optimize(fg, r, s);
  }
  void extend(LinkerOptions& options) override {
    for (auto& p : parts_) p->extend(options);
  }
  void after_link(const Program& program, double s) override {
    for (auto& p : parts_) p->after_link(program, s);
  }
  std::shared_ptr<const ProfileStats> profile() const override {
    for (const auto& p : parts_)
      if (auto stats = p->profile()) return stats;
    return nullptr;
  }

 private:
  std::vector<std::shared_ptr<Instrument>> parts_;
};

}  // namespace

std::shared_ptr<Instrument> make_instrument(const Mode& mode, const FunctionOptions& options) {
  std::vector<std::shared_ptr<Instrument>> parts;
  if (mode.name == "DebugMode") parts.push_back(make_debug_mode_instrument(mode));
  if (mode.name == "NanGuardMode") parts.push_back(make_nan_guard_instrument(mode));
  // The profiler comes last so its hooks nest innermost and time only kernels.
  if (options.profile || parse_bool(flag_or("profile", "False"), "flag profile")) {
    parts.push_back(make_profiler_instrument(mode, options));
  }
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return parts.front();
  return std::make_shared<CompositeInstrument>(std::move(parts));
}

}  // namespace theano::debug

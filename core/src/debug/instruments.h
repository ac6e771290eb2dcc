// Internal: the instruments make_instrument combines (see instrument.h).
#pragma once

#include <memory>

#include "theano/core/debug/instrument.h"

namespace theano::debug {

std::shared_ptr<Instrument> make_debug_mode_instrument(const Mode& mode);
std::shared_ptr<Instrument> make_nan_guard_instrument(const Mode& mode);
std::shared_ptr<Instrument> make_profiler_instrument(const Mode& mode,
                                                     const FunctionOptions& options);

}  // namespace theano::debug

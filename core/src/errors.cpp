// Out-of-line parts of the exception hierarchy.
#include "theano/core/errors.h"

namespace theano {

std::string SourceLoc::str() const {
  if (!known()) return "<unknown>";
  return (file.empty() ? std::string("<unknown file>") : file) + ":" + std::to_string(line);
}

}  // namespace theano

// Device identities: parsing "cpu" / "cuda:1" and printing them back.
#include "theano/core/device.h"

#include <charconv>

#include "theano/core/errors.h"

namespace theano {
namespace {

bool is_kind_char(char c, bool first) {
  const bool letter = (c >= 'a' && c <= 'z') || c == '_';
  return first ? letter : (letter || (c >= '0' && c <= '9'));
}

[[noreturn]] void bad_device(std::string_view text, const std::string& why) {
  throw ValueError("malformed device '" + std::string(text) + "': " + why +
                   " (expected 'cpu', 'kind' or 'kind:index', e.g. 'cuda:0')");
}

}  // namespace

Device Device::parse(std::string_view text) {
  const std::size_t colon = text.find(':');
  const std::string_view kind = text.substr(0, colon);
  if (kind.empty()) bad_device(text, "empty device kind");
  for (std::size_t i = 0; i < kind.size(); ++i) {
    if (!is_kind_char(kind[i], i == 0)) bad_device(text, "invalid character in device kind");
  }
  Device device{std::string(kind), 0};
  if (colon != std::string_view::npos) {
    const std::string_view digits = text.substr(colon + 1);
    const char* end = digits.data() + digits.size();
    auto [ptr, ec] = std::from_chars(digits.data(), end, device.index);
    if (digits.empty() || ec != std::errc() || ptr != end || digits[0] == '-') {
      bad_device(text, "index '" + std::string(digits) + "' is not a non-negative integer");
    }
  }
  if (device.is_cpu() && device.index != 0) bad_device(text, "the cpu device has only index 0");
  return device;
}

std::string Device::str() const {
  if (is_cpu()) return kind;
  return kind + ":" + std::to_string(index);
}

}  // namespace theano

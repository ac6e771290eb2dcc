// The Print op and the sink its lines go to.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <mutex>

#include "debug_ops_impl.h"
#include "theano/core/debug/debug_ops.h"
#include "theano/core/debug/value_report.h"

namespace theano::debug {

namespace {

std::mutex& sink_mutex() {
  static std::mutex m;
  return m;
}

PrintSink& current_sink() {
  static PrintSink sink;
  return sink;
}

thread_local int quiet_depth = 0;

void emit(const std::string& line) {
  if (quiet_depth > 0) return;
  std::lock_guard lock(sink_mutex());
  if (current_sink()) {
    current_sink()(line);
    return;
  }
  std::cout << line << "\n" << std::flush;
}

std::string strides_text(const NDArray& a) {
  std::string s = "(";
  for (int i = 0; i < a.ndim(); ++i) s += (i ? ", " : "") + std::to_string(a.strides()[i]);
  return s + (a.ndim() == 1 ? ",)" : ")");
}

std::string number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

std::string attr_text(const std::string& attr, const Value& value) {
  if (!value.is_array()) return attr == "value" || attr == "summary" ? value.summary() : "n/a";
  const NDArray& a = value.array();
  if (attr == "value") return a.str();
  if (attr == "shape") return shape_str(a.shape());
  if (attr == "dtype") return std::string(dtype_name(a.dtype()));
  if (attr == "strides") return strides_text(a);
  if (attr == "summary") return describe_value(value);
  ValueStats s = value_stats(a);
  if (attr == "nans") return std::to_string(s.nan_count + s.inf_count);
  if (!s.has_finite) return "n/a";
  if (attr == "min") return number(s.min);
  if (attr == "max") return number(s.max);
  return number(s.mean);  // "mean"
}

}  // namespace

QuietPrints::QuietPrints() {
  ++quiet_depth;
}
QuietPrints::~QuietPrints() {
  --quiet_depth;
}
bool QuietPrints::active() {
  return quiet_depth > 0;
}

PrintSink set_print_sink(PrintSink sink) {
  std::lock_guard lock(sink_mutex());
  PrintSink old = std::move(current_sink());
  current_sink() = std::move(sink);
  return old;
}

struct PrintCapture::Lines {
  mutable std::mutex mutex;
  std::vector<std::string> lines;
};

PrintCapture::PrintCapture() : lines_(std::make_shared<Lines>()) {
  std::shared_ptr<Lines> lines = lines_;
  previous_ = set_print_sink([lines](const std::string& line) {
    std::lock_guard lock(lines->mutex);
    lines->lines.push_back(line);
  });
}

PrintCapture::~PrintCapture() {
  set_print_sink(std::move(previous_));
}

std::vector<std::string> PrintCapture::lines() const {
  std::lock_guard lock(lines_->mutex);
  return lines_->lines;
}

std::string PrintCapture::text() const {
  std::string out;
  for (const auto& l : lines()) out += l + "\n";
  return out;
}

const std::vector<std::string>& PrintOp::known_attrs() {
  static const std::vector<std::string> attrs = {"value", "shape", "dtype", "strides", "min",
                                                 "max",   "mean",  "nans",  "summary"};
  return attrs;
}

PrintOp::PrintOp(std::string message, std::vector<std::string> attrs)
    : message_(std::move(message)), attrs_(std::move(attrs)) {
  const auto& known = known_attrs();
  for (const auto& a : attrs_) {
    if (std::find(known.begin(), known.end(), a) != known.end()) continue;
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw ValueError("Print: unknown attribute '" + a + "' (known: " + list + ")");
  }
}

OpPtr PrintOp::from_props(const Props& props) {
  std::string message = props.contains("message") ? props.get_as<std::string>("message") : "";
  std::vector<std::string> attrs;
  if (props.contains("attrs")) {
    for (const PropValue& v : props.get_as<PropList>("attrs")) attrs.push_back(v.as<std::string>());
  } else {
    attrs = {"value"};
  }
  return std::make_shared<PrintOp>(std::move(message), std::move(attrs));
}

Props PrintOp::props() const {
  PropList attrs(attrs_.begin(), attrs_.end());
  return Props{{"message", message_}, {"attrs", PropValue(std::move(attrs))}};
}

ApplyPtr PrintOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 1 || !inputs[0]) {
    throw ValueError("Print takes one input, got " + std::to_string(inputs.size()));
  }
  TypePtr type = inputs[0]->type();
  return build(std::move(inputs), {type});
}

std::string PrintOp::format(const Value& value) const {
  std::string line = message_;
  for (const auto& a : attrs_) {
    line += (line.empty() ? "" : " ") + a + "=" + attr_text(a, value);
  }
  return line;
}

void PrintOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  emit(format(inputs[0]));
  outputs[0] = inputs[0];
}

std::optional<std::vector<ShapeVars>> PrintOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes.at(0)};
}

std::vector<Var> PrintOp::L_op(const Apply&, const std::vector<Var>& output_grads) const {
  return {output_grads.at(0)};
}

std::vector<Var> PrintOp::R_op(const Apply&, const std::vector<Var>& eval_points) const {
  return {eval_points.at(0)};
}

Var print(const Var& x, const std::string& message, const std::vector<std::string>& attrs,
          std::source_location loc) {
  return std::make_shared<PrintOp>(message, attrs)->apply1({x}, loc);
}

}  // namespace theano::debug

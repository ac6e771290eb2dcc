// JSON encodings of arrays, types and props. Small arrays of finite real
// numbers are written inline (readable in a diff); everything else as the
// base64 of its .npy image, which round-trips every dtype bit-exactly.
#include <cmath>

#include "codec.h"
#include "theano/core/errors.h"
#include "theano/core/fgraph.h"

namespace theano::serialize {

namespace {

constexpr std::int64_t kInlineMax = 16;
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool inlinable(const NDArray& a) {
  if (a.size() > kInlineMax || is_complex(a.dtype()) || a.dtype() == DType::Float16) return false;
  if (!is_float(a.dtype())) return true;
  for (double v : a.astype(DType::Float64).to_vector<double>())
    if (!std::isfinite(v)) return false;
  return true;
}

json encode_double(double v) {
  if (std::isnan(v)) return json{{"float", "nan"}};
  if (std::isinf(v)) return json{{"float", v > 0 ? "inf" : "-inf"}};
  return json{{"float", v}};
}

double decode_double(const json& j, const std::string& where) {
  const json& v = member(j, "float", where);
  if (v.is_number()) return v.get<double>();
  if (v == "nan") return std::nan("");
  if (v == "inf") return INFINITY;
  if (v == "-inf") return -INFINITY;
  fail(where, "expected a number, \"nan\", \"inf\" or \"-inf\"");
}

}  // namespace

void fail(const std::string& where, const std::string& what) {
  throw IOError(where + ": " + what);
}

const json& member(const json& j, const std::string& key, const std::string& where) {
  if (!j.is_object()) fail(where, "expected an object");
  auto it = j.find(key);
  if (it == j.end()) fail(where, "missing \"" + key + "\"");
  return *it;
}

std::string base64_encode(const std::vector<std::byte>& bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t n = std::to_integer<std::uint32_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= std::to_integer<std::uint32_t>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= std::to_integer<std::uint32_t>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

std::vector<std::byte> base64_decode(const std::string& text, const std::string& where) {
  if (text.size() % 4 != 0) fail(where, "base64 text length is not a multiple of 4");
  auto digit = [&](char c) -> std::uint32_t {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    fail(where, std::string("invalid base64 character '") + c + "'");
  };
  std::vector<std::byte> out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    int pad = (text[i + 3] == '=') + (text[i + 2] == '=');
    if (pad && i + 4 != text.size()) fail(where, "base64 padding before the end");
    std::uint32_t n = digit(text[i]) << 18 | digit(text[i + 1]) << 12;
    if (pad < 2) n |= digit(text[i + 2]) << 6;
    if (pad < 1) n |= digit(text[i + 3]);
    out.push_back(static_cast<std::byte>(n >> 16));
    if (pad < 2) out.push_back(static_cast<std::byte>((n >> 8) & 255));
    if (pad < 1) out.push_back(static_cast<std::byte>(n & 255));
  }
  return out;
}

json encode_array(const NDArray& a) {
  if (!inlinable(a)) return json{{"npy", base64_encode(serialize_npy(a))}};
  json data = json::array();
  NDArray c = a.copy();
  if (is_bool(a.dtype())) {
    for (std::int64_t v : c.astype(DType::Int64).to_vector<std::int64_t>()) data.push_back(v != 0);
  } else if (is_float(a.dtype())) {
    for (double v : c.astype(DType::Float64).to_vector<double>()) data.push_back(v);
  } else if (a.dtype() == DType::UInt64) {
    for (std::uint64_t v : c.to_vector<std::uint64_t>()) data.push_back(v);
  } else {
    for (std::int64_t v : c.astype(DType::Int64).to_vector<std::int64_t>()) data.push_back(v);
  }
  return json{{"dtype", std::string(dtype_name(a.dtype()))}, {"shape", a.shape()}, {"data", data}};
}

NDArray decode_array(const json& j, const std::string& where) {
  if (!j.is_object()) fail(where, "expected an array object");
  try {
    if (j.contains("npy")) {
      const json& text = j["npy"];
      if (!text.is_string()) fail(where + ".npy", "expected a base64 string");
      return parse_npy(base64_decode(text.get<std::string>(), where + ".npy"));
    }
    DType dtype = parse_dtype(member(j, "dtype", where).get<std::string>());
    Shape shape = member(j, "shape", where).get<Shape>();
    const json& data = member(j, "data", where);
    if (!data.is_array()) fail(where + ".data", "expected a list of numbers");
    std::vector<double> values;
    for (const json& v : data) {
      if (!v.is_number() && !v.is_boolean()) fail(where + ".data", "expected numbers");
      values.push_back(v.is_boolean() ? double(v.get<bool>()) : v.get<double>());
    }
    if (dtype == DType::Int64 || dtype == DType::UInt64) {  // beyond 2^53: exact path
      std::vector<std::int64_t> ints;
      for (const json& v : data) ints.push_back(v.get<std::int64_t>());
      return NDArray::from_vector(ints, shape).astype(dtype);
    }
    return NDArray::from_vector(values, shape).astype(dtype);
  } catch (const IOError&) {
    throw;
  } catch (const std::exception& e) {
    fail(where, e.what());
  }
}

json encode_type(const TypePtr& t) {
  if (auto tt = as_tensor_type(t)) {
    json shape = json::array();
    for (const StaticDim& d : tt->shape()) shape.push_back(d ? json(*d) : json(nullptr));
    return json{{"kind", "tensor"},
                {"dtype", std::string(dtype_name(tt->dtype()))},
                {"shape", shape},
                {"device", tt->device().str()}};
  }
  if (auto st = std::dynamic_pointer_cast<const ScalarType>(t))
    return json{{"kind", "scalar"}, {"dtype", std::string(dtype_name(st->dtype()))}};
  if (std::dynamic_pointer_cast<const GenericType>(t)) return json{{"kind", "generic"}};
  throw IOError("cannot save a variable of type " + t->str() + ": no file encoding for it");
}

TypePtr decode_type(const json& j, const std::string& where) {
  try {
    std::string kind = member(j, "kind", where).get<std::string>();
    if (kind == "generic") return GenericType::make();
    DType dtype = parse_dtype(member(j, "dtype", where).get<std::string>());
    if (kind == "scalar") return ScalarType::make(dtype);
    if (kind != "tensor") fail(where, "unknown type kind \"" + kind + "\"");
    StaticShape shape;
    for (const json& d : member(j, "shape", where)) {
      if (!d.is_null() && !(d.is_number_integer() && d.get<std::int64_t>() >= 0))
        fail(where + ".shape", "each dim is a size >= 0 or null");
      shape.push_back(d.is_null() ? StaticDim{} : StaticDim{d.get<std::int64_t>()});
    }
    Device device = Device::parse(j.value("device", std::string("cpu")));
    return TensorType::make(dtype, shape, device);
  } catch (const IOError&) {
    throw;
  } catch (const std::exception& e) {
    fail(where, e.what());
  }
}

namespace {

json encode_prop(const PropValue& v) {
  const auto& s = v.storage();
  if (std::holds_alternative<std::monostate>(s)) return nullptr;
  if (auto* b = std::get_if<bool>(&s)) return *b;
  if (auto* i = std::get_if<std::int64_t>(&s)) return *i;
  if (auto* d = std::get_if<double>(&s)) return encode_double(*d);
  if (auto* str = std::get_if<std::string>(&s)) return *str;
  if (auto* dt = std::get_if<DType>(&s)) return json{{"dtype", std::string(dtype_name(*dt))}};
  if (auto* t = std::get_if<TypePtr>(&s)) return json{{"type", encode_type(*t)}};
  if (auto* list = std::get_if<PropList>(&s)) {
    json out = json::array();
    for (const PropValue& e : *list) out.push_back(encode_prop(e));
    return out;
  }
  const auto& g = std::get<std::shared_ptr<const FunctionGraph>>(s);
  return json{{"fgraph", encode_graph(g->inputs(), g->outputs())}};
}

PropValue decode_prop(const json& j, const std::string& where) {
  if (j.is_null()) return {};
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number_integer()) return j.get<std::int64_t>();
  if (j.is_string()) return j.get<std::string>();
  if (j.is_array()) {
    PropList list;
    for (std::size_t i = 0; i < j.size(); ++i)
      list.push_back(decode_prop(j[i], where + "[" + std::to_string(i) + "]"));
    return list;
  }
  if (!j.is_object()) fail(where, "unexpected prop value " + j.dump());
  if (j.contains("float")) return decode_double(j, where);
  if (j.contains("dtype")) {
    try {
      return parse_dtype(j["dtype"].get<std::string>());
    } catch (const std::exception& e) {
      fail(where, e.what());
    }
  }
  if (j.contains("type")) return decode_type(j["type"], where + ".type");
  if (j.contains("fgraph")) {
    DecodedGraph g = decode_graph(j["fgraph"], where + ".fgraph");
    return std::shared_ptr<const FunctionGraph>(
        std::make_shared<FunctionGraph>(g.inputs, g.outputs, /*clone=*/false));
  }
  fail(where, "unknown prop encoding " + j.dump());
}

}  // namespace

json encode_props(const Props& p) {
  json out = json::array();
  for (const auto& [name, value] : p.items())
    out.push_back(json::array({name, encode_prop(value)}));
  return out;
}

Props decode_props(const json& j, const std::string& where) {
  if (!j.is_array()) fail(where, "expected a list of [name, value] pairs");
  Props p;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const json& item = j[i];
    std::string at = where + "[" + std::to_string(i) + "]";
    if (!item.is_array() || item.size() != 2 || !item[0].is_string())
      fail(at, "expected [name, value]");
    p.set(item[0].get<std::string>(), decode_prop(item[1], at));
  }
  return p;
}

}  // namespace theano::serialize

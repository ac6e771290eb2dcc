// Internal: JSON encodings of the pieces of a saved function (values,
// types, props, graphs). Every decoder throws IOError with the JSON path of
// the offending item, so a bad file says where it is bad.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "theano/core/graph.h"
#include "theano/core/props.h"

namespace theano::serialize {

using json = nlohmann::json;

/// Throws IOError("<where>: <what>").
[[noreturn]] void fail(const std::string& where, const std::string& what);
/// The member `key` of an object, or a clear error naming `where`.
const json& member(const json& j, const std::string& key, const std::string& where);

std::string base64_encode(const std::vector<std::byte>& bytes);
std::vector<std::byte> base64_decode(const std::string& text, const std::string& where);

json encode_array(const NDArray& a);
NDArray decode_array(const json& j, const std::string& where);

json encode_type(const TypePtr& t);
TypePtr decode_type(const json& j, const std::string& where);

json encode_props(const Props& p);
Props decode_props(const json& j, const std::string& where);

/// A graph from `inputs` to `outputs`: its root variables (inputs,
/// constants, shared variables) and its nodes in dependency order.
json encode_graph(const std::vector<Var>& inputs, const std::vector<Var>& outputs);

/// A decoded graph; `shared` maps the file's shared variables by id.
struct DecodedGraph {
  std::vector<Var> inputs;
  std::vector<Var> outputs;
  std::unordered_map<std::int64_t, Var> by_id;
};
DecodedGraph decode_graph(const json& j, const std::string& where);

}  // namespace theano::serialize

// Saved functions: the spec <-> JSON document, files written atomically,
// and the bridge from a compiled Function back to its spec.
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "codec.h"
#include "theano/core/errors.h"
#include "theano/core/fgraph.h"
#include "theano/core/serialize.h"

namespace theano {

using serialize::json;
using serialize::member;

namespace {

constexpr const char* kFormat = "theano++ function";

json encode_mode(const Mode& m) {
  return json{{"name", m.name},           {"optimizer", m.optimizer}, {"including", m.including},
              {"excluding", m.excluding}, {"requiring", m.requiring}, {"linker", m.linker}};
}

Mode decode_mode(const json& j, const std::string& where) {
  try {
    Mode m = Mode::named(member(j, "name", where).get<std::string>());
    m.optimizer = j.value("optimizer", m.optimizer);
    m.including = j.value("including", m.including);
    m.excluding = j.value("excluding", m.excluding);
    m.requiring = j.value("requiring", m.requiring);
    m.linker = j.value("linker", m.linker);
    return m;
  } catch (const IOError&) {
    throw;
  } catch (const std::exception& e) {
    serialize::fail(where, e.what());
  }
}

}  // namespace

FunctionSpec spec_of(const Function& f) {
  const FunctionGraph& g = f.unoptimized_fgraph();
  FunctionSpec spec;
  spec.mode = f.mode();
  spec.name = f.name();
  for (std::size_t i = 0; i < f.inputs().size(); ++i) {
    In in = f.inputs()[i];
    in.variable = g.inputs().at(i);  // the clone, with givens applied
    spec.inputs.push_back(std::move(in));
  }
  std::size_t n = f.outputs().size();
  for (std::size_t k = 0; k < n; ++k)
    spec.outputs.emplace_back(g.outputs()[k], f.outputs()[k].borrow);
  for (std::size_t k = 0; k < f.updates().size(); ++k)
    spec.updates.emplace_back(f.updates()[k].first, g.outputs().at(n + k));
  return spec;
}

std::string to_json(const FunctionSpec& spec) {
  std::vector<Var> outputs;
  for (const Out& o : spec.outputs) outputs.push_back(o.variable);
  for (const auto& [target, expr] : spec.updates) {
    outputs.push_back(target);  // the shared variable itself, then its new value
    outputs.push_back(expr);
  }
  std::vector<Var> inputs;
  for (const In& in : spec.inputs) inputs.push_back(in.variable);
  json graph = serialize::encode_graph(inputs, outputs);
  json ins = json::array(), outs = json::array(), ups = json::array();
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    const In& in = spec.inputs[i];
    json e{
        {"name", in.name}, {"borrow", in.borrow}, {"mutable", in.mutable_}, {"strict", in.strict}};
    if (in.value && in.value->is_array()) e["default"] = serialize::encode_array(in.value->array());
    ins.push_back(e);
  }
  for (const Out& o : spec.outputs) outs.push_back(json{{"borrow", o.borrow}});
  json doc{{"format", kFormat}, {"version", kFunctionFileVersion},
           {"name", spec.name}, {"mode", encode_mode(spec.mode)},
           {"graph", graph},    {"inputs", ins},
           {"outputs", outs},   {"updates", spec.updates.size()}};
  return doc.dump(1) + "\n";
}

static FunctionSpec decode_document(std::string_view text, const std::string& origin) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for huge numbers
    throw IOError(origin + ": not a valid saved function (malformed JSON: " + e.what() + ")");
  }
  if (!doc.is_object() || doc.value("format", std::string()) != kFormat)
    throw IOError(origin + ": not a saved Theano++ function (no \"format\": \"" + kFormat + "\")");
  const json& version = member(doc, "version", origin);
  if (!version.is_number_integer() || version.get<int>() < 1)
    throw IOError(origin + ": bad format version " + version.dump());
  if (version.get<int>() > kFunctionFileVersion)
    throw IOError(origin + ": written in format version " + version.dump() +
                  "; this build reads up to version " + std::to_string(kFunctionFileVersion) +
                  " (upgrade Theano++)");
  try {
    serialize::DecodedGraph g =
        serialize::decode_graph(member(doc, "graph", origin), origin + ".graph");
    FunctionSpec spec;
    spec.name = doc.value("name", std::string());
    spec.mode = decode_mode(member(doc, "mode", origin), origin + ".mode");
    const json& ins = member(doc, "inputs", origin);
    if (!ins.is_array() || ins.size() != g.inputs.size())
      serialize::fail(origin + ".inputs", "does not match the graph's inputs");
    for (std::size_t i = 0; i < ins.size(); ++i) {
      In in(g.inputs[i]);
      in.name = ins[i].value("name", std::string());
      in.borrow = ins[i].value("borrow", false);
      in.mutable_ = ins[i].value("mutable", false);
      in.strict = ins[i].value("strict", false);
      if (ins[i].contains("default"))
        in.value = serialize::decode_array(ins[i]["default"], origin + ".inputs.default");
      spec.inputs.push_back(std::move(in));
    }
    const json& outs = member(doc, "outputs", origin);
    std::size_t n_updates = member(doc, "updates", origin).get<std::size_t>();
    if (!outs.is_array() || outs.size() + 2 * n_updates != g.outputs.size())
      serialize::fail(origin + ".outputs", "does not match the graph's outputs");
    for (std::size_t k = 0; k < outs.size(); ++k)
      spec.outputs.emplace_back(g.outputs[k], outs[k].value("borrow", false));
    for (std::size_t k = 0; k < n_updates; ++k) {
      const Var& target = g.outputs[outs.size() + 2 * k];
      if (target->kind() != Variable::Kind::Shared)
        serialize::fail(origin + ".updates",
                        "update " + std::to_string(k) + " targets a non-shared variable");
      spec.updates.emplace_back(target, g.outputs[outs.size() + 2 * k + 1]);
    }
    return spec;
  } catch (const json::exception& e) {
    throw IOError(origin + ": malformed saved function: " + e.what());
  }
}

FunctionSpec from_json(std::string_view text, const std::string& origin) {
  try {
    return decode_document(text, origin);
  } catch (const json::exception& e) {  // a JSON value of the wrong kind anywhere
    throw IOError(origin + ": malformed saved function: " + e.what());
  }
}

void save_function(const FunctionSpec& spec, const std::string& path) {
  std::string text = to_json(spec);
  std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw IOError("cannot write " + path + " (could not create " + tmp + ")");
    out << text;
    out.close();
    if (!out) throw IOError("cannot write " + path + " (writing " + tmp + " failed)");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw IOError("cannot write " + path + ": " + ec.message());
  }
}

void save_function(const Function& f, const std::string& path) {
  save_function(spec_of(f), path);
}

FunctionSpec load_function_spec(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IOError("cannot open saved function " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return from_json(text.str(), path);
}

Function compile(const FunctionSpec& spec) {
  FunctionOptions options;
  options.mode = spec.mode;
  options.name = spec.name;
  options.updates = spec.updates;
  options.on_unused_input = "ignore";  // the saved function already passed this check
  return function(spec.inputs, spec.outputs, options);
}

Function load_function(const std::string& path, std::optional<Mode> mode) {
  FunctionSpec spec = load_function_spec(path);
  if (mode) spec.mode = *mode;
  return compile(spec);
}

}  // namespace theano

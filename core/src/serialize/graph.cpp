// JSON encoding of a graph: the variables (each with an id, its type, its
// name and, for roots, what it is) and the nodes in dependency order, each
// naming its op, props, input ids and output ids. Decoding rebuilds every
// node through the registry and checks the output types it infers against
// the saved ones, so a file that does not describe a valid graph is refused
// before anything runs.
#include <unordered_set>

#include "codec.h"
#include "theano/core/errors.h"
#include "theano/core/registry.h"

namespace theano::serialize {

namespace {

// The nodes between `inputs` and `outputs` in dependency order.
std::vector<const Apply*> nodes_between(const std::vector<Var>& outputs) {
  std::vector<const Apply*> order;
  std::unordered_set<const Apply*> done;
  std::vector<std::pair<const Apply*, std::size_t>> stack;
  auto push = [&](const Var& v) {
    const Apply* n = v->owner();
    if (n && done.insert(n).second) stack.emplace_back(n, 0);
  };
  for (const Var& o : outputs) {
    push(o);
    while (!stack.empty()) {
      auto& [n, next] = stack.back();
      if (next < static_cast<std::size_t>(n->nin())) {
        push(n->input(static_cast<int>(next++)));
        continue;
      }
      order.push_back(n);
      stack.pop_back();
    }
  }
  return order;
}

class Encoder {
 public:
  json run(const std::vector<Var>& inputs, const std::vector<Var>& outputs) {
    json ins = json::array(), outs = json::array(), nodes = json::array();
    for (const Var& v : inputs) ins.push_back(id_of(v, "input"));
    for (const Apply* n : nodes_between(outputs)) nodes.push_back(encode_node(*n));
    for (const Var& v : outputs) outs.push_back(id_of(v, v->owner() ? "node" : root_kind(*v)));
    return json{{"variables", variables_}, {"nodes", nodes}, {"inputs", ins}, {"outputs", outs}};
  }

 private:
  static std::string root_kind(const Variable& v) {
    switch (v.kind()) {
      case Variable::Kind::Constant:
        return "constant";
      case Variable::Kind::Shared:
        return "shared";
      default:
        return "input";
    }
  }

  std::int64_t id_of(const Var& v, const std::string& kind) {
    const void* key = v.get();
    if (v->kind() == Variable::Kind::Shared)  // clones of one shared variable are one
      key = static_cast<const SharedVariable*>(v.get())->container().get();
    auto it = ids_.find(key);
    if (it != ids_.end()) return it->second;
    std::int64_t id = static_cast<std::int64_t>(variables_.size());
    ids_[key] = id;
    json entry{{"id", id}, {"kind", kind}, {"type", encode_type(v->type())}};
    if (!v->name().empty()) entry["name"] = v->name();
    if (kind == "constant") {
      const Value& value = static_cast<const Constant*>(v.get())->value();
      if (!value.is_array()) throw IOError("cannot save constant " + v->name() + ": not an array");
      entry["value"] = encode_array(value.array());
    } else if (kind == "shared") {
      Value value = static_cast<const SharedVariable*>(v.get())->get_value(/*borrow=*/true);
      if (!value.is_array())
        throw IOError("cannot save shared variable " + v->name() + ": its value is not an array");
      entry["value"] = encode_array(value.array());
    }
    variables_.push_back(std::move(entry));
    return id;
  }

  json encode_node(const Apply& n) {
    json ins = json::array(), outs = json::array();
    for (const Var& v : n.inputs()) ins.push_back(id_of(v, v->owner() ? "node" : root_kind(*v)));
    for (int k = 0; k < n.nout(); ++k) outs.push_back(id_of(n.output(k), "node"));
    return json{{"op", n.op().name()},
                {"props", encode_props(n.op().props())},
                {"inputs", ins},
                {"outputs", outs}};
  }

  json variables_ = json::array();
  std::unordered_map<const void*, std::int64_t> ids_;
};

class Decoder {
 public:
  explicit Decoder(std::string where) : where_(std::move(where)) {}

  DecodedGraph run(const json& j) {
    const json& vars = member(j, "variables", where_);
    if (!vars.is_array()) fail(where_ + ".variables", "expected a list");
    for (std::size_t i = 0; i < vars.size(); ++i) declare(vars[i], i);
    const json& nodes = member(j, "nodes", where_);
    if (!nodes.is_array()) fail(where_ + ".nodes", "expected a list");
    for (std::size_t i = 0; i < nodes.size(); ++i) build_node(nodes[i], i);
    DecodedGraph g;
    g.inputs = resolve_list(member(j, "inputs", where_), where_ + ".inputs");
    g.outputs = resolve_list(member(j, "outputs", where_), where_ + ".outputs");
    for (std::size_t i = 0; i < vars_.size(); ++i)
      if (vars_[i]) g.by_id[static_cast<std::int64_t>(i)] = vars_[i];
    return g;
  }

 private:
  void declare(const json& v, std::size_t i) {
    std::string at = where_ + ".variables[" + std::to_string(i) + "]";
    const json& id = member(v, "id", at);
    if (!id.is_number_integer() || id.get<std::int64_t>() != static_cast<std::int64_t>(i))
      fail(at, "ids must be 0, 1, 2, ... in order");
    TypePtr type = decode_type(member(v, "type", at), at + ".type");
    types_.push_back(type);
    std::string kind = member(v, "kind", at).get<std::string>();
    std::string name = v.value("name", std::string());
    names_.push_back(name);
    vars_.push_back(nullptr);
    if (kind == "node") return;  // made by its node
    if (kind == "input") {
      vars_[i] = Variable::make(type, name);
    } else if (kind == "constant" || kind == "shared") {
      NDArray value = decode_array(member(v, "value", at), at + ".value");
      Value fitted = fit(type, value, at);
      vars_[i] = kind == "constant" ? Var(Constant::make(type, fitted, name))
                                    : Var(SharedVariable::make(type, fitted, name));
    } else {
      fail(at, "unknown variable kind \"" + kind + "\"");
    }
  }

  static Value fit(const TypePtr& type, const NDArray& value, const std::string& at) {
    auto tt = as_tensor_type(type);
    if (tt && (tt->dtype() != value.dtype() || !tt->accepts_shape(value.shape())))
      fail(at, "value of dtype " + std::string(dtype_name(value.dtype())) + " and shape " +
                   shape_str(value.shape()) + " does not fit the declared type " + type->str());
    try {
      return type->filter(value);
    } catch (const std::exception& e) {
      fail(at, e.what());
    }
  }

  Var resolve(const json& id, const std::string& at) {
    if (!id.is_number_integer()) fail(at, "expected a variable id");
    auto i = id.get<std::int64_t>();
    if (i < 0 || i >= static_cast<std::int64_t>(vars_.size()))
      fail(at, "no variable with id " + std::to_string(i));
    if (!vars_[i]) fail(at, "variable " + std::to_string(i) + " is used before its node");
    return vars_[i];
  }

  std::vector<Var> resolve_list(const json& ids, const std::string& at) {
    if (!ids.is_array()) fail(at, "expected a list of variable ids");
    std::vector<Var> out;
    for (std::size_t k = 0; k < ids.size(); ++k)
      out.push_back(resolve(ids[k], at + "[" + std::to_string(k) + "]"));
    return out;
  }

  void build_node(const json& n, std::size_t i) {
    std::string at = where_ + ".nodes[" + std::to_string(i) + "]";
    std::string op_name = member(n, "op", at).get<std::string>();
    Props props = decode_props(member(n, "props", at), at + ".props");
    std::vector<Var> inputs = resolve_list(member(n, "inputs", at), at + ".inputs");
    ApplyPtr node;
    try {
      node = Registry::global().make_op(op_name, props)->make_node(inputs);
    } catch (const std::exception& e) {
      fail(at + " (" + op_name + ")", e.what());
    }
    const json& outs = member(n, "outputs", at);
    if (!outs.is_array() || static_cast<int>(outs.size()) != node->nout())
      fail(at, op_name + " makes " + std::to_string(node->nout()) + " outputs, the file lists " +
                   std::to_string(outs.is_array() ? outs.size() : 0));
    for (int k = 0; k < node->nout(); ++k) bind_output(*node, k, outs[k], at);
  }

  void bind_output(const Apply& node, int k, const json& id, const std::string& at) {
    std::string where = at + ".outputs[" + std::to_string(k) + "]";
    if (!id.is_number_integer()) fail(where, "expected a variable id");
    auto i = id.get<std::int64_t>();
    if (i < 0 || i >= static_cast<std::int64_t>(vars_.size()) || vars_[i])
      fail(where, "variable " + std::to_string(i) + " is not a free node output");
    Var out = node.output(k);
    if (!same_type(out->type(), types_[i]))
      fail(where, node.op().name() + " infers type " + out->type()->str() +
                      " but the file declares " + types_[i]->str());
    if (!names_[i].empty()) out->set_name(names_[i]);
    vars_[i] = out;
  }

  std::string where_;
  std::vector<Var> vars_;
  std::vector<TypePtr> types_;
  std::vector<std::string> names_;
};

}  // namespace

json encode_graph(const std::vector<Var>& inputs, const std::vector<Var>& outputs) {
  return Encoder().run(inputs, outputs);
}

DecodedGraph decode_graph(const json& j, const std::string& where) {
  return Decoder(where).run(j);
}

}  // namespace theano::serialize

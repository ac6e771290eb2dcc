// The standard database: stages, their generic members, registry
// placement, the per-query cache, and the query each mode runs.
#include "theano/optdb/standard.h"

#include <iostream>
#include <map>
#include <mutex>

#include "theano/core/config.h"
#include "theano/core/errors.h"
#include "theano/core/phases.h"
#include "theano/core/registry.h"
#include "theano/optdb/destroy_handler.h"
#include "theano/optdb/inplace.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/shape_feature.h"

namespace theano::optdb {

namespace {

struct PhaseInfo {
  const char* name;
  double position;
  std::vector<std::string> tags;
  bool equilibrium;
};

const std::vector<PhaseInfo>& phase_table() {
  static const std::vector<PhaseInfo> table = {
      {"merge1", 0, {"fast_run", "fast_compile", "merge"}, false},
      {"canonicalize", 1, {"fast_run", "fast_compile"}, true},
      {"stabilize", 1.5, {"fast_run"}, true},
      {"specialize", 2, {"fast_run", "fast_compile_gpu"}, true},
      {"gpu", 48.5, {"fast_run", "fast_compile"}, false},
      {"fusion", 49, {"fast_run"}, false},
      {"jit", 49.4, {"fast_run"}, false},
      {"add_destroy_handler", 49.5, {"fast_run", "inplace"}, false},
      {"inplace", 60, {"fast_run", "inplace"}, false},
      {"merge3", 100, {"fast_run", "merge"}, false},
  };
  return table;
}

const PhaseInfo& phase_info(const std::string& phase) {
  for (const auto& p : phase_table())
    if (phase == p.name) return p;
  std::string known;
  for (const auto& p : phase_table()) known += (known.empty() ? "" : ", ") + std::string(p.name);
  throw ValueError("unknown optimizer phase '" + phase + "' (known: " + known + ")");
}

// Attaches the DestroyHandler; from here on only in-place and merge rewrites
// run, so the ShapeFeature stops paying for every swap.
std::shared_ptr<GraphRewriter> add_destroy_handler() {
  return std::make_shared<FunctionGraphRewriter>("add_destroy_handler", [](FunctionGraph& fg) {
    if (auto* sf = fg.get_feature<ShapeFeature>()) fg.remove_feature(sf);
    ensure_destroy_handler(fg);
    return 0;
  });
}

// The generic members every stage of that kind starts with.
void add_generic_members(const std::string& phase, DB& db) {
  auto merge = std::make_shared<MergeOptimizer>();
  if (phase == "merge1" || phase == "merge3") {
    std::vector<std::string> tags{"fast_run", "merge"};
    if (phase == "merge1") tags.push_back("fast_compile");
    db.add("merge", merge, tags);
  } else if (phase_info(phase).equilibrium) {
    db.add("constant_folding", std::make_shared<ConstantFolding>(), {"fast_run", "fast_compile"},
           {.role = EquilibriumRole::Final});
    db.add("merge", merge, {"fast_run", "fast_compile", "merge"},
           {.role = EquilibriumRole::Cleanup});
  } else if (phase == "add_destroy_handler") {
    db.add("add_destroy_handler", add_destroy_handler(), {"fast_run", "inplace"});
  } else if (phase == "inplace") {
    db.add("inplace_insertion", std::make_shared<InplaceOptimizer>(), {"fast_run", "inplace"},
           {.position = 75});
  }
}

std::shared_ptr<SequenceDB> build_standard() {
  auto root = std::make_shared<SequenceDB>("optdb");
  for (const std::string& phase : standard_phases()) {
    const PhaseInfo& info = phase_info(phase);
    std::shared_ptr<DB> db;
    if (info.equilibrium)
      db = std::make_shared<EquilibriumDB>(phase);
    else
      db = std::make_shared<SequenceDB>(phase);
    add_generic_members(phase, *db);
    root->add(phase, db, info.tags, {.position = info.position});
  }
  return root;
}

void place_registry_rewrites(SequenceDB& root) {
  for (const RewriteSpec& spec : Registry::global().rewrites()) {
    std::string who = "rewrite '" + spec.name + "' of plugin " + spec.provider;
    auto stage = root.entry(spec.phase);
    auto* db = stage ? dynamic_cast<DB*>(stage->rewriter.get()) : nullptr;
    if (!db || !spec.rewriter) {
      std::cerr << "theano: warning: " << who << " skipped: "
                << (db ? "it has no rewriter" : "unknown phase '" + spec.phase + "'") << "\n";
      continue;
    }
    AddOptions options{.position = spec.position, .provider = spec.provider};
    for (const auto& t : spec.tags) {
      if (t == "final") options.role = EquilibriumRole::Final;
      if (t == "cleanup") options.role = EquilibriumRole::Cleanup;
    }
    try {
      db->add(spec.name, spec.rewriter, spec.tags, options);
    } catch (const std::exception& e) {
      std::cerr << "theano: warning: " << who << " skipped: " << e.what() << "\n";
    }
  }
}

struct State {
  std::mutex mutex;
  std::shared_ptr<SequenceDB> db;
  bool placed = false;
  std::map<std::string, std::shared_ptr<GraphRewriter>> cache;
};

// Call with the mutex held.
State& ready_state(State& s) {
  if (!s.db) s.db = build_standard();
  if (!s.placed && Registry::global().frozen()) {
    place_registry_rewrites(*s.db);
    s.placed = true;
    s.cache.clear();
  }
  return s;
}

State& state() {
  static State s;
  return s;
}

}  // namespace

double phase_position(const std::string& phase) {
  return phase_info(phase).position;
}

SequenceDB& standard_optdb() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  return *ready_state(s).db;
}

std::shared_ptr<GraphRewriter> standard_query(const Query& query) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  ready_state(s);
  std::string key = query.str();
  if (auto it = s.cache.find(key); it != s.cache.end()) return it->second;
  auto result = std::dynamic_pointer_cast<GraphRewriter>(s.db->query(query));
  s.cache.emplace(key, result);
  return result;
}

Query mode_query(const Mode& mode) {
  std::string opt = mode.effective_optimizer();
  Query q;
  if (opt == "fast_run" || opt == "o4")
    q = Query({"fast_run"});
  else if (opt == "fast_compile" || opt == "o1")
    q = Query({"fast_compile", "fast_compile_gpu"});
  else if (opt == "o2")
    q = Query({"fast_compile", "fast_compile_gpu", "fusion"});
  else if (opt == "o3")
    q = Query({"fast_run"}, {}, {"inplace"});
  else if (opt == "unsafe")
    q = Query({"fast_run", "unsafe"}, {}, {"inplace"});
  else if (opt == "stabilize")
    q = Query({"fast_run"}).with_position_cutoff(1.5000001);
  else if (opt == "fast_run_stable")
    q = Query({"fast_run"}, {"stable"});
  else if (opt == "merge")
    q = Query({"merge"});
  else if (opt != "None" && opt != "NO_OPT") {
    throw ConfigError("unknown optimizer '" + opt +
                      "' (valid: fast_run, fast_compile, merge, None, o1, o2, o3, o4, stabilize, "
                      "unsafe, fast_run_stable)");
  }
  q = q.including(mode.including).excluding(mode.excluding).requiring(mode.requiring);
  const Config& cfg = Config::global();
  if (cfg.has("optdb.position_cutoff")) {
    std::string text = cfg.get("optdb.position_cutoff");
    if (!text.empty() && text != "inf") {
      double cutoff = std::stod(text);
      if (cutoff < q.position_cutoff()) q = q.with_position_cutoff(cutoff);
    }
  }
  return q;
}

}  // namespace theano::optdb

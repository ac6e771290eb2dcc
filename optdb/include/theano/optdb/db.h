// Optimizer databases: named rewrites with tags, selected by a Query and
// turned into a runnable optimizer. A database is itself a Rewriter, so one
// can be registered inside another (the standard pipeline is a SequenceDB of
// stages, most of them databases).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "theano/optdb/query.h"
#include "theano/optdb/rewriter.h"

namespace theano::optdb {

/// How an EquilibriumDB uses an entry.
enum class EquilibriumRole {
  Normal,   ///< a local rewrite tried on candidate nodes, or a global one run each sweep
  Final,    ///< a local rewrite tried after the normal ones (constant folding)
  Cleanup,  ///< run after changes; a MergeOptimizer here merges new nodes as they appear
};

struct DBEntry {
  std::string name;
  std::shared_ptr<Rewriter> rewriter;
  std::set<std::string> tags;
  double position = 0;
  EquilibriumRole role = EquilibriumRole::Normal;
  std::string provider;  ///< the plugin that registered it ("" for built-ins)
};

/// One entry of a printed database, with its sub-database's entries.
struct DBTreeNode {
  DBEntry entry;
  std::string kind;  ///< "local", "global", or the sub-database's kind
  bool positioned;   ///< the position orders it (a SequenceDB entry, or set explicitly)
  std::vector<DBTreeNode> children;
};

/// Options of DB::add.
struct AddOptions {
  double position = 0;
  EquilibriumRole role = EquilibriumRole::Normal;
  /// Also tag the entry with the database's name.
  bool use_db_name_as_tag = true;
  std::string provider = {};
};

class DB : public Rewriter {
 public:
  explicit DB(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  /// "SequenceDB", "EquilibriumDB", ...
  virtual std::string kind() const = 0;

  /// Registers `rewriter` under `name` with `tags`. Throws ValueError when the
  /// name is taken. A query tag selects the entries tagged so and the entry
  /// of that name (stage "inplace" and the stages tagged "inplace" alike).
  void add(const std::string& name, std::shared_ptr<Rewriter> rewriter,
           const std::vector<std::string>& tags, const AddOptions& options = {});
  void add_tags(const std::string& name, const std::vector<std::string>& tags);
  void remove_tags(const std::string& name, const std::vector<std::string>& tags);
  bool contains(const std::string& name) const;
  /// A copy of the entry, or nullopt.
  std::optional<DBEntry> entry(const std::string& name) const;
  /// Every entry in (position, name) order.
  std::vector<DBEntry> entries() const;

  /// The optimizer made of the entries `query` selects (sub-databases are
  /// queried recursively): a GraphRewriter, or a LocalRewriter for a
  /// LocalGroupDB.
  virtual std::shared_ptr<Rewriter> query(const Query& query) const;
  std::shared_ptr<Rewriter> query(const std::string& text) const {
    return query(Query::parse(text));
  }

  /// The entries (those `filter` selects, when given) with their
  /// sub-databases' entries.
  std::vector<DBTreeNode> tree(const Query* filter = nullptr) const;
  /// Prints tree(filter): one line per entry with its kind, position, tags
  /// and provider, sub-database entries indented.
  void print_tree(std::ostream& os, const Query* filter = nullptr) const;
  /// True when `query` selects `entry` (by name or tag, not excluded, with
  /// every required tag unless it is a sub-database).
  bool selects(const DBEntry& entry, const Query& query) const;
  /// The database whose entries this one shows (itself, or a proxied one).
  virtual const DB* contents() const { return this; }

 protected:
  struct Selected {
    DBEntry entry;
    std::shared_ptr<Rewriter> result;  ///< the rewriter, or a sub-database's query result
  };
  /// The entries `query` selects, in (position, name) order.
  std::vector<Selected> select(const Query& query) const;
  /// Builds this kind's optimizer from the selected entries.
  virtual std::shared_ptr<Rewriter> build(std::vector<Selected> selected,
                                          const Query& query) const = 0;

 private:
  bool matches(const DBEntry& e, const std::string& tag) const;
  std::string name_;
  mutable std::mutex mutex_;
  std::map<std::string, DBEntry> entries_;
};

/// Stages run in order of position; local rewrites in it run as one
/// in-to-out sweep each.
class SequenceDB final : public DB {
 public:
  using DB::DB;
  std::string kind() const override { return "SequenceDB"; }

 protected:
  std::shared_ptr<Rewriter> build(std::vector<Selected> selected,
                                  const Query& query) const override;
};

/// Local rewrites (and global ones) applied until nothing changes.
class EquilibriumDB final : public DB {
 public:
  explicit EquilibriumDB(std::string name, bool ignore_newtrees = false)
      : DB(std::move(name)), ignore_newtrees_(ignore_newtrees) {}
  std::string kind() const override { return "EquilibriumDB"; }

 protected:
  std::shared_ptr<Rewriter> build(std::vector<Selected> selected,
                                  const Query& query) const override;

 private:
  bool ignore_newtrees_;
};

/// Several local rewrites offered as one: the first that applies wins (or
/// all of them in turn with `apply_all`).
class LocalGroupDB final : public DB {
 public:
  explicit LocalGroupDB(std::string name, bool apply_all = false)
      : DB(std::move(name)), apply_all_(apply_all) {}
  std::string kind() const override { return "LocalGroupDB"; }

 protected:
  std::shared_ptr<Rewriter> build(std::vector<Selected> selected,
                                  const Query& query) const override;

 private:
  bool apply_all_;
};

enum class Order { InToOut, OutToIn };

/// A database whose (local) query result runs as one topological sweep.
class TopoDB final : public DB {
 public:
  TopoDB(std::string name, std::shared_ptr<DB> inner, Order order = Order::InToOut)
      : DB(std::move(name)), inner_(std::move(inner)), order_(order) {}
  std::string kind() const override { return "TopoDB"; }
  std::shared_ptr<Rewriter> query(const Query& query) const override;
  const DB* contents() const override { return inner_->contents(); }

 protected:
  std::shared_ptr<Rewriter> build(std::vector<Selected>, const Query&) const override {
    return nullptr;
  }

 private:
  std::shared_ptr<DB> inner_;
  Order order_;
};

/// Forwards queries to another database, so one database can appear at
/// several places of the tree.
class ProxyDB final : public DB {
 public:
  explicit ProxyDB(std::shared_ptr<DB> target) : DB(target->name()), target_(std::move(target)) {}
  std::string kind() const override { return "ProxyDB"; }
  std::shared_ptr<Rewriter> query(const Query& query) const override {
    return target_->query(query);
  }
  const DB* contents() const override { return target_->contents(); }
  const std::shared_ptr<DB>& target() const { return target_; }

 protected:
  std::shared_ptr<Rewriter> build(std::vector<Selected>, const Query&) const override {
    return nullptr;
  }

 private:
  std::shared_ptr<DB> target_;
};

}  // namespace theano::optdb

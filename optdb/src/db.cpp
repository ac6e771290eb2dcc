// DB: registering tagged entries, selecting them with a Query, printing.
#include "theano/optdb/db.h"

#include <algorithm>
#include <cmath>

#include "theano/core/errors.h"

namespace theano::optdb {

namespace {

bool entry_less(const DBEntry& a, const DBEntry& b) {
  return a.position != b.position ? a.position < b.position : a.name < b.name;
}

std::string join_tags(const std::set<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? "" : ", ") + t;
  return out;
}

}  // namespace

void DB::add(const std::string& name, std::shared_ptr<Rewriter> rewriter,
             const std::vector<std::string>& tags, const AddOptions& options) {
  if (!rewriter) throw ValueError(kind() + " '" + name_ + "': entry '" + name + "' is null");
  std::lock_guard lock(mutex_);
  if (entries_.count(name)) {
    throw ValueError(kind() + " '" + name_ + "' already has an entry named '" + name + "'");
  }
  DBEntry e{name,         std::move(rewriter), {tags.begin(), tags.end()}, options.position,
            options.role, options.provider};
  if (options.use_db_name_as_tag) e.tags.insert(name_);
  entries_.emplace(name, std::move(e));
}

void DB::add_tags(const std::string& name, const std::vector<std::string>& tags) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(name);
  if (it == entries_.end())
    throw ValueError(kind() + " '" + name_ + "' has no entry '" + name + "'");
  it->second.tags.insert(tags.begin(), tags.end());
}

void DB::remove_tags(const std::string& name, const std::vector<std::string>& tags) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(name);
  if (it == entries_.end())
    throw ValueError(kind() + " '" + name_ + "' has no entry '" + name + "'");
  for (const auto& t : tags) it->second.tags.erase(t);
}

bool DB::contains(const std::string& name) const {
  std::lock_guard lock(mutex_);
  return entries_.count(name) != 0;
}

std::optional<DBEntry> DB::entry(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(name);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

std::vector<DBEntry> DB::entries() const {
  std::vector<DBEntry> out;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [n, e] : entries_) out.push_back(e);
  }
  std::sort(out.begin(), out.end(), entry_less);
  return out;
}

bool DB::matches(const DBEntry& e, const std::string& tag) const {
  return e.name == tag || e.tags.count(tag) != 0;
}

bool DB::selects(const DBEntry& e, const Query& query) const {
  bool in = false;
  for (const auto& t : query.include()) in = in || matches(e, t);
  for (const auto& t : query.exclude()) in = in && !matches(e, t);
  if (!dynamic_cast<const DB*>(e.rewriter.get())) {
    // `require` constrains the rewrites themselves, not the stages holding them
    for (const auto& t : query.require()) in = in && matches(e, t);
  }
  return in;
}

std::vector<DB::Selected> DB::select(const Query& query) const {
  std::vector<Selected> out;
  for (const DBEntry& e : entries()) {
    if (!selects(e, query)) continue;
    if (auto* sub = dynamic_cast<const DB*>(e.rewriter.get())) {
      auto it = query.subqueries().find(e.name);
      Query q = it != query.subqueries().end() ? it->second : query.without_extra();
      auto result = sub->query(q);
      if (result) out.push_back({e, std::move(result)});
    } else {
      out.push_back({e, e.rewriter});
    }
  }
  return out;
}

std::shared_ptr<Rewriter> DB::query(const Query& query) const {
  return build(select(query), query);
}

std::vector<DBTreeNode> DB::tree(const Query* filter) const {
  const DB* source = contents();
  std::vector<DBTreeNode> out;
  for (const DBEntry& e : source->entries()) {
    if (filter && !source->selects(e, *filter)) continue;
    DBTreeNode node{e, "global", source->kind() == "SequenceDB" || e.position != 0, {}};
    if (auto* sub = dynamic_cast<const DB*>(e.rewriter.get())) {
      node.kind = sub->kind();
      auto it = filter ? filter->subqueries().find(e.name)
                       : std::map<std::string, Query>::const_iterator{};
      node.children = sub->tree(filter && it != filter->subqueries().end() ? &it->second : filter);
    } else if (dynamic_cast<const LocalRewriter*>(e.rewriter.get())) {
      node.kind = "local";
    }
    out.push_back(std::move(node));
  }
  return out;
}

namespace {

void print_nodes(std::ostream& os, const std::vector<DBTreeNode>& nodes, int indent) {
  for (const DBTreeNode& n : nodes) {
    const DBEntry& e = n.entry;
    os << std::string(indent * 2, ' ') << e.name << "  [" << n.kind;
    if (n.positioned) os << " @" << e.position;
    if (e.role == EquilibriumRole::Final) os << " final";
    if (e.role == EquilibriumRole::Cleanup) os << " cleanup";
    os << "]";
    if (!e.tags.empty()) os << "  tags: " << join_tags(e.tags);
    if (!e.provider.empty()) os << "  (" << e.provider << ")";
    os << "\n";
    print_nodes(os, n.children, indent + 1);
  }
}

}  // namespace

void DB::print_tree(std::ostream& os, const Query* filter) const {
  print_nodes(os, tree(filter), 0);
}

}  // namespace theano::optdb

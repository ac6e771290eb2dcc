// Query: which entries of an optimizer database to select, by tags.
// Selected = (union of the `include` tags) minus every `exclude` tag, where
// leaf rewrites must also carry every `require` tag. A selected sub-database
// is queried in turn with the same query (or the sub-query named after it).
#pragma once

#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace theano::optdb {

class Rewriter;

class Query {
 public:
  Query() = default;
  explicit Query(std::set<std::string> include, std::set<std::string> require = {},
                 std::set<std::string> exclude = {});
  /// Parses "+fast_run -inplace &stable" (a bare tag means +tag); tags are
  /// separated by spaces, commas or colons.
  static Query parse(const std::string& text);

  Query including(const std::vector<std::string>& tags) const;
  Query excluding(const std::vector<std::string>& tags) const;
  Query requiring(const std::vector<std::string>& tags) const;
  /// Entries of any SequenceDB at or beyond `position` are dropped.
  Query with_position_cutoff(double position) const;
  /// Uses `query` instead of this one inside the sub-database `db_name`.
  Query with_subquery(const std::string& db_name, const Query& query) const;
  /// Inserts `rewriter` at `position` into the top SequenceDB's result.
  Query with_extra(std::shared_ptr<Rewriter> rewriter, double position) const;

  const std::set<std::string>& include() const { return include_; }
  const std::set<std::string>& require() const { return require_; }
  const std::set<std::string>& exclude() const { return exclude_; }
  double position_cutoff() const { return position_cutoff_; }
  const std::map<std::string, Query>& subqueries() const { return subqueries_; }
  const std::vector<std::pair<std::shared_ptr<Rewriter>, double>>& extra() const { return extra_; }
  /// The same query without extra rewrites (what sub-databases receive).
  Query without_extra() const;
  /// A canonical text form, usable as a cache key: "+a +b &c -d @cutoff".
  std::string str() const;

 private:
  std::set<std::string> include_, require_, exclude_;
  double position_cutoff_ = std::numeric_limits<double>::infinity();
  std::map<std::string, Query> subqueries_;
  std::vector<std::pair<std::shared_ptr<Rewriter>, double>> extra_;
};

}  // namespace theano::optdb

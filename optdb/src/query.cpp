// Query: parsing the "+tag -tag &tag" form and building variants.
#include "theano/optdb/query.h"

#include <cmath>
#include <sstream>

#include "theano/core/errors.h"

namespace theano::optdb {

Query::Query(std::set<std::string> include, std::set<std::string> require,
             std::set<std::string> exclude)
    : include_(std::move(include)), require_(std::move(require)), exclude_(std::move(exclude)) {}

Query Query::parse(const std::string& text) {
  Query q;
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    char sign = token[0];
    std::string tag = (sign == '+' || sign == '-' || sign == '&') ? token.substr(1) : token;
    if (tag.empty()) throw ValueError("query '" + text + "': '" + token + "' names no tag");
    if (sign == '-')
      q.exclude_.insert(tag);
    else if (sign == '&')
      q.require_.insert(tag);
    else
      q.include_.insert(tag);
    token.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == ',' || c == ':' || c == '\t')
      flush();
    else
      token += c;
  }
  flush();
  return q;
}

Query Query::including(const std::vector<std::string>& tags) const {
  Query q = *this;
  q.include_.insert(tags.begin(), tags.end());
  return q;
}

Query Query::excluding(const std::vector<std::string>& tags) const {
  Query q = *this;
  q.exclude_.insert(tags.begin(), tags.end());
  return q;
}

Query Query::requiring(const std::vector<std::string>& tags) const {
  Query q = *this;
  q.require_.insert(tags.begin(), tags.end());
  return q;
}

Query Query::with_position_cutoff(double position) const {
  Query q = *this;
  q.position_cutoff_ = position;
  return q;
}

Query Query::with_subquery(const std::string& db_name, const Query& query) const {
  Query q = *this;
  q.subqueries_[db_name] = query;
  return q;
}

Query Query::with_extra(std::shared_ptr<Rewriter> rewriter, double position) const {
  Query q = *this;
  q.extra_.emplace_back(std::move(rewriter), position);
  return q;
}

Query Query::without_extra() const {
  Query q = *this;
  q.extra_.clear();
  return q;
}

std::string Query::str() const {
  std::ostringstream os;
  const char* sep = "";
  auto put = [&](char sign, const std::set<std::string>& tags) {
    for (const auto& t : tags) {
      os << sep << sign << t;
      sep = " ";
    }
  };
  put('+', include_);
  put('&', require_);
  put('-', exclude_);
  if (!std::isinf(position_cutoff_)) os << sep << "@" << position_cutoff_;
  for (const auto& [name, sub] : subqueries_) os << " [" << name << ": " << sub.str() << "]";
  for (const auto& [rw, pos] : extra_) os << " extra@" << pos << ":" << rw.get();
  return os.str();
}

}  // namespace theano::optdb

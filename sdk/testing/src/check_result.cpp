// CheckResult and CheckTable: one line per result, and the op × check
// summary table that `theano check-plugin` prints.
#include "theano/testing/check_result.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

namespace theano::testing {

std::string outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::Pass:
      return "pass";
    case Outcome::Fail:
      return "fail";
    case Outcome::Skip:
      return "skip";
  }
  return "?";
}

std::string CheckResult::str() const {
  std::string upper = outcome_name(outcome);
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  std::string out = upper + " " + check + " ";
  // A failure's reason starts with the op and case already.
  if (outcome == Outcome::Fail && reason.starts_with(op)) return out + reason;
  out += op;
  if (!case_label.empty()) out += " [" + case_label + "]";
  if (!reason.empty()) out += ": " + reason;
  return out;
}

bool CheckTable::passed() const {
  return failures() == 0;
}

std::size_t CheckTable::failures() const {
  return static_cast<std::size_t>(std::count_if(results.begin(), results.end(),
                                                [](const CheckResult& r) { return r.failed(); }));
}

void CheckTable::append(const CheckTable& other) {
  results.insert(results.end(), other.results.begin(), other.results.end());
}

std::vector<CheckResult> CheckTable::summary() const {
  std::vector<CheckResult> rows;
  std::map<std::pair<std::string, std::string>, std::size_t> row_of;
  for (const CheckResult& r : results) {
    auto key = std::make_pair(r.op, r.check);
    auto it = row_of.find(key);
    if (it == row_of.end()) {
      row_of.emplace(key, rows.size());
      rows.push_back(r);
      continue;
    }
    CheckResult& row = rows[it->second];
    // A failure wins; a pass replaces a skip (the check applied somewhere).
    if (row.failed()) continue;
    if (r.failed() || (row.skipped() && r.outcome == Outcome::Pass)) row = r;
  }
  for (CheckResult& row : rows) {
    if (row.outcome == Outcome::Pass) row.case_label.clear();
  }
  return rows;
}

std::string CheckTable::str() const {
  std::vector<CheckResult> rows = summary();
  std::vector<std::string> ops, checks;
  for (const CheckResult& r : rows) {
    if (std::find(ops.begin(), ops.end(), r.op) == ops.end()) ops.push_back(r.op);
    if (std::find(checks.begin(), checks.end(), r.check) == checks.end()) checks.push_back(r.check);
  }
  std::size_t op_width = 2;
  for (const std::string& op : ops) op_width = std::max(op_width, op.size());
  std::ostringstream out;
  out << std::string("op") + std::string(op_width - 2, ' ');
  for (const std::string& c : checks) out << "  " << c;
  out << "\n";
  for (const std::string& op : ops) {
    out << op << std::string(op_width - op.size(), ' ');
    for (const std::string& c : checks) {
      auto it = std::find_if(rows.begin(), rows.end(),
                             [&](const CheckResult& r) { return r.op == op && r.check == c; });
      std::string cell = it == rows.end() ? "-" : outcome_name(it->outcome);
      out << "  " << cell << std::string(c.size() > cell.size() ? c.size() - cell.size() : 0, ' ');
    }
    out << "\n";
  }
  // First lines only: DebugMode's reasons go on with the node's context (see --json).
  for (const CheckResult& r : rows) {
    if (r.outcome != Outcome::Pass) out << r.str().substr(0, r.str().find('\n')) << "\n";
  }
  std::size_t failed = failures();
  out << rows.size() << " op x check rows, " << failed << " failed case(s)\n";
  return out.str();
}

}  // namespace theano::testing

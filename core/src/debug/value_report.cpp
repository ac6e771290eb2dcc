// Statistics of arrays and the storage map footprint of a running program.
#include "theano/core/debug/value_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <unordered_set>

namespace theano::debug {

namespace {

template <class T>
void accumulate(const T* data, std::int64_t n, double big, ValueStats& s) {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  double sum = 0;
  std::int64_t finite = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    double x = static_cast<double>(data[i]);
    if (std::isnan(x)) {
      ++s.nan_count;
    } else if (std::isinf(x)) {
      ++s.inf_count;
    } else {
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      sum += x;
      ++finite;
      if (std::fabs(x) > big) ++s.big_count;
    }
  }
  s.has_finite = finite > 0;
  if (s.has_finite) {
    s.min = lo;
    s.max = hi;
    s.mean = sum / static_cast<double>(finite);
  }
}

std::string number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

}  // namespace

ValueStats value_stats(const NDArray& array, double big) {
  ValueStats s;
  if (!array.defined()) return s;
  s.size = array.size();
  if (!array.device().is_cpu() || s.size == 0) return s;
  if (array.dtype() == DType::Float32 || array.dtype() == DType::Float64) {
    NDArray c = array.ascontiguous();
    if (c.dtype() == DType::Float32)
      accumulate(c.data<float>(), c.size(), big, s);
    else
      accumulate(c.data<double>(), c.size(), big, s);
    return s;
  }
  NDArray d = array.astype(DType::Float64).ascontiguous();
  accumulate(d.data<double>(), d.size(), big, s);
  return s;
}

std::string describe_value(const Value& value) {
  if (value.empty()) return "no value";
  if (!value.is_array()) return value.summary();
  const NDArray& a = value.array();
  std::string out = a.summary();
  if (!a.device().is_cpu() || a.size() == 0) return out;
  ValueStats s = value_stats(a);
  if (s.has_finite) {
    out += " min=" + number(s.min) + " max=" + number(s.max) + " mean=" + number(s.mean);
  }
  if (s.nan_count) out += " nan=" + std::to_string(s.nan_count);
  if (s.inf_count) out += " inf=" + std::to_string(s.inf_count);
  return out;
}

namespace {

std::string role_of(const Variable& v) {
  if (v.owner()) return "";
  switch (v.kind()) {
    case Variable::Kind::Constant:
      return "constant";
    case Variable::Kind::Shared:
      return "shared input";
    case Variable::Kind::Variable:
      return "input";
  }
  return "input";
}

std::string name_of(const Variable& v) {
  if (!v.name().empty() || !v.owner()) return v.str();
  return v.owner()->op().display() + "." + std::to_string(v.index());
}

// The identity of the memory a value occupies, to count views once.
const void* storage_key(const Value& v) {
  if (v.is_array()) return v.array().buffer().get();
  if (v.is_opaque()) return v.opaque_ptr().get();
  return nullptr;
}

}  // namespace

StorageFootprint storage_footprint(const Program& program, const Frame& frame) {
  struct Item {
    StorageEntry entry;
    const void* key;
  };
  std::vector<Item> items;
  std::unordered_set<int> seen_cells;
  for (Variable* v : program.fgraph().variables()) {
    int c = program.cell_of(v);
    if (c < 0 || c >= static_cast<int>(frame.cells.size()) || !seen_cells.insert(c).second)
      continue;
    const Value& value = frame.cells[c];
    if (value.empty()) continue;
    StorageEntry e{name_of(*v),     role_of(*v),
                   value.summary(), value.is_array() ? value.array().itemsize() : 0,
                   value.nbytes(),  true};
    items.push_back({std::move(e), storage_key(value)});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.entry.bytes > b.entry.bytes; });
  StorageFootprint fp;
  std::unordered_set<const void*> counted;
  for (Item& item : items) {
    item.entry.counted = item.key == nullptr || counted.insert(item.key).second;
    if (item.entry.counted) {
      fp.total_bytes += item.entry.bytes;
      if (!item.entry.role.empty()) fp.input_bytes += item.entry.bytes;
    }
    fp.entries.push_back(std::move(item.entry));
  }
  return fp;
}

std::string format_bytes(std::size_t bytes) {
  char buf[64];
  double b = static_cast<double>(bytes);
  if (b >= 1024.0 * 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%zu bytes (%.2f GiB)", bytes, b / (1024.0 * 1024 * 1024));
  } else if (b >= 1024.0 * 1024) {
    std::snprintf(buf, sizeof buf, "%zu bytes (%.1f MiB)", bytes, b / (1024.0 * 1024));
  } else if (b >= 1024.0) {
    std::snprintf(buf, sizeof buf, "%zu bytes (%.1f KiB)", bytes, b / 1024.0);
  } else {
    std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
  }
  return buf;
}

std::string format_footprint(const StorageFootprint& fp, std::size_t max_entries) {
  std::ostringstream os;
  os << "Storage map footprint:\n";
  std::size_t shown = 0;
  for (const StorageEntry& e : fp.entries) {
    if (shown++ == max_entries) {
      os << " ... " << fp.entries.size() - max_entries << " smaller values not shown\n";
      break;
    }
    os << " - " << e.name << (e.role.empty() ? "" : ", " + e.role) << ", " << e.layout
       << ", ElemSize: " << e.itemsize << " Byte(s), TotalSize: " << e.bytes << " Byte(s)"
       << (e.counted ? "" : " (shares storage listed above)") << "\n";
  }
  os << " TotalSize: " << format_bytes(fp.total_bytes)
     << "\n TotalSize inputs: " << format_bytes(fp.input_bytes) << "\n";
  return os.str();
}

}  // namespace theano::debug

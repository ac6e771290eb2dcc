// Every scalar op against NumPy/SciPy golden values (tests/data/elemwise,
// made by gen_golden.py): each case runs the op as an Elemwise over a vector
// of edge and random values in its input dtypes, and compares with the
// reference rounded to the output dtype. Integer and bool results must be
// exact; float tolerances are listed per op where SLEEF or the C library
// legitimately differ from the float64 reference by more than a few ulps.
#include <fstream>
#include <map>
#include <sstream>

#include "helpers.h"

namespace theano::testing {
namespace {

struct Case {
  std::string op;
  std::vector<DType> dtypes;
  std::string file;
};

std::vector<Case> load_manifest() {
  std::ifstream in(std::string(THEANO_ELEMWISE_DATA_DIR) + "/manifest.txt");
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    Case c;
    std::string dtypes;
    if (!(ls >> c.op >> dtypes >> c.file)) continue;
    std::istringstream ds(dtypes);
    for (std::string d; std::getline(ds, d, ',');) c.dtypes.push_back(parse_dtype(d));
    cases.push_back(c);
  }
  return cases;
}

struct Tolerance {
  double rtol, atol;
};

Tolerance tolerance(const std::string& op, DType out) {
  bool f32 = out == DType::Float32;
  // Ops whose results cross zero or sit near poles: absolute slack too.
  static const std::map<std::string, Tolerance> f32_special = {
      {"gammaln", {2e-6, 2e-6}}, {"psi", {2e-6, 2e-6}},    {"tri_gamma", {2e-6, 1e-6}},
      {"tan", {2e-6, 1e-6}},     {"gamma", {4e-6, 1e-30}}, {"erfinv", {2e-6, 1e-7}},
      {"erfcinv", {2e-6, 1e-7}}, {"xlogy0", {2e-6, 1e-6}}, {"pow", {2e-6, 1e-30}},
  };
  static const std::map<std::string, Tolerance> f64_special = {
      {"gammaln", {1e-13, 1e-14}}, {"psi", {1e-12, 1e-13}},    {"tri_gamma", {1e-12, 1e-13}},
      {"gamma", {1e-13, 0}},       {"erfinv", {1e-13, 1e-15}}, {"erfcinv", {1e-12, 1e-15}},
  };
  const auto& table = f32 ? f32_special : f64_special;
  if (auto it = table.find(op); it != table.end()) return it->second;
  return f32 ? Tolerance{1e-6, 1e-37} : Tolerance{2e-14, 1e-300};
}

// Compares got (any dtype) with the reference (float64), rounded to got's dtype.
::testing::AssertionResult matches(const std::string& label, const NDArray& got, const NDArray& ref,
                                   const std::vector<NDArray>& inputs, Tolerance tol) {
  std::vector<double> g = got.to_vector<double>();
  std::vector<double> r = ref.astype(got.dtype()).to_vector<double>();
  bool exact = !is_float(got.dtype());
  for (std::size_t i = 0; i < g.size(); ++i) {
    bool ok = exact ? g[i] == r[i]
                    : (std::isnan(g[i]) && std::isnan(r[i])) || g[i] == r[i] ||
                          std::fabs(g[i] - r[i]) <= tol.atol + tol.rtol * std::fabs(r[i]);
    if (!ok) {
      auto f = ::testing::AssertionFailure() << label << ": element " << i << " with inputs (";
      for (std::size_t k = 0; k < inputs.size(); ++k)
        f << (k ? ", " : "") << inputs[k].to_vector<double>()[i];
      return f << ") gave " << g[i] << ", NumPy says " << r[i];
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(Golden, EveryScalarOpMatchesNumPy) {
  init();
  std::vector<Case> cases = load_manifest();
  ASSERT_GT(cases.size(), 150u) << "manifest missing or truncated";
  for (const Case& c : cases) {
    NDArray data = load_npy(std::string(THEANO_ELEMWISE_DATA_DIR) + "/golden/" + c.file);
    std::int64_t n = data.dim(1);
    std::vector<Var> vars;
    std::vector<Value> args;
    std::vector<NDArray> inputs;
    std::vector<T::Operand> operands;
    for (std::size_t k = 0; k < c.dtypes.size(); ++k) {
      NDArray row = data.index(0, static_cast<std::int64_t>(k)).astype(c.dtypes[k]);
      inputs.push_back(row);
      args.emplace_back(row);
      vars.push_back(T::tensor(c.dtypes[k], 1, "x" + std::to_string(k)));
      operands.emplace_back(vars.back());
    }
    NDArray ref = data.index(0, static_cast<std::int64_t>(c.dtypes.size()));
    T::TensorVar out = T::elemwise(c.op, operands);
    NDArray got = eval1(vars, out, args);
    ASSERT_EQ(got.dim(0), n);
    std::string label = c.op + " on " + c.file;
    EXPECT_TRUE(matches(label, got, ref, inputs, tolerance(c.op, got.dtype())));
  }
}

}  // namespace
}  // namespace theano::testing

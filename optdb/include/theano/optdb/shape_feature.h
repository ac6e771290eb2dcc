// ShapeFeature: the symbolic shape of every tensor in a graph, from each
// op's infer_shape, so that x.shape and shape arithmetic are computed
// without running the producers of x, and shape-only uses of a value do not
// keep it alive (the rewrite local_track_shape_i uses it). Shapes are
// computed when first asked for and remembered, so graphs whose rewrites ask
// for few shapes pay for few.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "theano/optdb/rewriter.h"

namespace theano::optdb {

class ShapeFeature : public Feature {
 public:
  void on_attach(FunctionGraph& fg) override;
  void on_import(FunctionGraph& fg, Apply& node, const std::string& reason) override;
  void on_prune(FunctionGraph& fg, Apply& node, const std::string& reason) override;
  void on_change_input(FunctionGraph& fg, Apply* node, int index, const Var& old_var,
                       const Var& new_var, const std::string& reason) override;

  /// One int64 0-d variable per dimension of `v` (empty for non-tensors).
  /// Dimensions known statically are constants; unknown ones come from
  /// infer_shape, or are Shape_i(i)(v) when the op cannot say.
  ShapeVars shape_of(const Var& v);
  Var shape_i(const Var& v, int axis);
  /// True when dimension `axis_a` of `a` provably equals `axis_b` of `b`
  /// (both -1: the whole shapes).
  bool same_shape(const Var& a, const Var& b, int axis_a = -1, int axis_b = -1);
  /// The shape of `v` when every dimension is a constant.
  std::optional<std::vector<std::int64_t>> constant_shape(const Var& v);
  /// True when `s` is the placeholder Shape_i(axis)(v).
  static bool is_placeholder(const Var& s, const Variable* v, int axis);

 private:
  void compute(Apply& node);
  void compute_ancestors(Apply& node);
  ShapeVars placeholders(const Var& v);
  Var constant(std::int64_t value);
  // Keyed by variable; the entry holds the variable so its address stays its own.
  std::unordered_map<const Variable*, std::pair<Var, ShapeVars>> shapes_;
  std::map<std::int64_t, Var> constants_;
};

/// Attaches a ShapeFeature (Theano's ShapeOpt).
std::shared_ptr<GraphRewriter> shape_opt();
/// Shape_i(i)(x) -> the i-th symbolic dimension ShapeFeature knows for x.
std::shared_ptr<LocalRewriter> local_track_shape_i();
/// Shape(x) -> a constant vector when every dimension of x is known (or a
/// MakeVector of the dimensions when the registry provides "MakeVector").
std::shared_ptr<LocalRewriter> local_shape_to_shape_i();

}  // namespace theano::optdb

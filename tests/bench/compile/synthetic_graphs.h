// Synthetic graphs for the compile benchmark: chains and balanced trees of
// elementwise nodes, built with the elemwise plugin (T::) or with the
// optimizer tests' tiny ops, whose gradients come from their L_op rules.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "theano/core/graph.h"

namespace bench_compile {

/// The graph-building vocabulary of one op family.
struct Ops {
  std::function<theano::Var(const std::string&)> vector;
  std::function<theano::Var(double)> constant;
  std::function<theano::Var(const theano::Var&)> exp, neg, log1p, sum;
  std::function<theano::Var(const theano::Var&, const theano::Var&)> add, mul;
  std::function<std::vector<theano::Var>(const theano::Var&, const std::vector<theano::Var>&)> grad;
};

/// The optimizer tests' ops (initializes the test plugin).
Ops test_ops();
/// The elemwise plugin's ops through T:: and theano::grad (initializes).
Ops elemwise_ops();
/// n nodes: each applies one of a cycle of unary and binary ops to the last.
theano::Var chain(const Ops& ops, const theano::Var& x, const theano::Var& y, int n);
/// About n nodes: distinct leaves x * i and y + i, then a balanced tree of
/// alternating adds and muls.
theano::Var tree(const Ops& ops, const theano::Var& x, const theano::Var& y, int n);

}  // namespace bench_compile

// Internal: the variable whose storage another one shares, used by
// function() (which outputs alias what) and the program builder (which
// nodes overwrite a shared variable).
#pragma once

#include "theano/core/graph.h"
#include "theano/core/op.h"

namespace theano {

/// Follows declared views and in-place writes from `v` back to the
/// variable that owns the storage (an input, shared variable, constant or
/// a node's fresh output).
inline const Variable* storage_root(const Variable* v) {
  while (const Apply* n = v->owner()) {
    int src = -1;
    for (const IOMap& m : {n->op().view_map(), n->op().destroy_map()})
      for (const auto& [out, ins] : m)
        if (out == v->index() && !ins.empty()) src = ins.front();
    if (src < 0) break;
    v = n->input(src).get();
  }
  return v;
}

}  // namespace theano

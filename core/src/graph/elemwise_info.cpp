// elemwise_info(): dynamic_cast from an Op to ElemwiseInfo, cached per
// dynamic type. The cross-cast walks every base of the op's class; rewrites
// of other plugins ask it for most nodes they visit, so the answer for the
// last few types seen is kept per thread: whether the type implements the
// interface and where the interface sits in the object. Types are identified
// by their mangled name (the ABI's notion of type identity across shared
// libraries), never by a remembered pointer, so an unloaded plugin cannot
// leave a stale entry that matches; types local to a translation unit are
// not remembered.
#include "theano/core/elemwise_info.h"

#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <typeinfo>

namespace theano {

namespace {

struct TypeAnswer {
  std::string type_name;      // empty: unused entry
  bool implements = false;    // the type derives from ElemwiseInfo
  std::ptrdiff_t offset = 0;  // interface address - most-derived object address
};

constexpr std::size_t kRemembered = 8;

struct AnswerCache {
  std::array<TypeAnswer, kRemembered> entries;
  std::size_t next = 0;  // round-robin replacement
  std::size_t last = 0;  // the entry found last: tried first

  const TypeAnswer* find(const char* type_name) {
    if (matches(entries[last], type_name)) return &entries[last];
    for (std::size_t i = 0; i < kRemembered; ++i) {
      if (matches(entries[i], type_name)) {
        last = i;
        return &entries[i];
      }
    }
    return nullptr;
  }
  static bool matches(const TypeAnswer& e, const char* type_name) {
    return !e.type_name.empty() && std::strcmp(e.type_name.c_str(), type_name) == 0;
  }
  const TypeAnswer& remember(const char* type_name, const Op& op, const ElemwiseInfo* info) {
    last = next;
    TypeAnswer& e = entries[next];
    next = (next + 1) % kRemembered;
    e.type_name = type_name;
    e.implements = info != nullptr;
    e.offset = info ? reinterpret_cast<const char*>(info) -
                          static_cast<const char*>(dynamic_cast<const void*>(&op))
                    : 0;
    return e;
  }
};

}  // namespace

const ElemwiseInfo* elemwise_info(const Apply* node) {
  if (!node) return nullptr;
  const Op& op = node->op();
  const char* type_name = typeid(op).name();
  // A name starting with '*' belongs to a type local to one translation unit
  // (an anonymous namespace): another such type may print the same name.
  if (type_name[0] == '*') return dynamic_cast<const ElemwiseInfo*>(&op);
  thread_local AnswerCache cache;
  const TypeAnswer* answer = cache.find(type_name);
  if (!answer) answer = &cache.remember(type_name, op, dynamic_cast<const ElemwiseInfo*>(&op));
  if (!answer->implements) return nullptr;
  const char* object = static_cast<const char*>(dynamic_cast<const void*>(&op));
  return reinterpret_cast<const ElemwiseInfo*>(object + answer->offset);
}

}  // namespace theano

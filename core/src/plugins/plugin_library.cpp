// Boost.DLL loading. Libraries are opened with RTLD_NOW so that a plugin
// with unresolved symbols is refused at load instead of failing later, and
// stored in a never-destroyed list so that no destructor ever unloads them.
#include "plugin_library.h"

#include <boost/dll/shared_library.hpp>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "theano/core/errors.h"

namespace theano {
namespace {

/// Storage whose destructor is never run (the libraries must outlive every
/// static destructor that might still call into them).
template <class T>
class NeverDestroyed {
 public:
  NeverDestroyed() { new (&value_) T(); }
  ~NeverDestroyed() {}  // deliberately leaves value_ alive
  T& get() { return value_; }

 private:
  union {
    T value_;
  };
};

struct KeptLibraries {
  std::mutex mutex;
  std::vector<boost::dll::shared_library> libraries;
};

KeptLibraries& kept_libraries() {
  static NeverDestroyed<KeptLibraries> kept;
  return kept.get();
}

/// The dynamic loader's own words from Boost.DLL's message, which wraps
/// them as "...(dlerror system message: WORDS): <errno text>".
std::string loader_message(const std::string& what) {
  const std::string marker = "dlerror system message: ";
  auto start = what.find(marker);
  auto end = what.rfind("): ");
  if (start == std::string::npos || end == std::string::npos || end < start) return what;
  return what.substr(start + marker.size(), end - start - marker.size());
}

}  // namespace

const theano_plugin_descriptor* open_plugin_library(const std::filesystem::path& path) {
  const std::string file = "'" + path.string() + "'";
  boost::dll::shared_library library;
  try {
    library.load(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    throw PluginError(file + " is not a loadable shared library: " + loader_message(e.what()));
  }
  // Kept even when refused below: its static initializers have run.
  KeptLibraries& kept = kept_libraries();
  std::lock_guard lock(kept.mutex);
  kept.libraries.push_back(library);
  if (!library.has(THEANO_PLUGIN_ENTRY_SYMBOL)) {
    throw PluginError(file +
                      " exports no entry symbol '" THEANO_PLUGIN_ENTRY_SYMBOL
                      "', so it is not a Theano++ plugin (plugins define it with THEANO_PLUGIN)");
  }
  auto& entry = library.get<const theano_plugin_descriptor*()>(THEANO_PLUGIN_ENTRY_SYMBOL);
  const theano_plugin_descriptor* descriptor = entry();
  if (!descriptor) throw PluginError(file + ": the entry function returned no descriptor");
  return descriptor;
}

}  // namespace theano

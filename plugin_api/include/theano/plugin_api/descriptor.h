/* The plugin ABI boundary: the one C struct a plugin exports.
 *
 * Every plugin .so exports exactly one symbol, THEANO_PLUGIN_ENTRY_SYMBOL,
 * an extern "C" function returning a pointer to a static descriptor. The
 * struct only ever grows at the end; `struct_size` tells the loader how much
 * of it the plugin knows. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#define THEANO_PLUGIN_ABI_MAJOR 1
#define THEANO_PLUGIN_ABI_MINOR 0
#define THEANO_PLUGIN_ENTRY_SYMBOL "theano_plugin_entry"

#ifdef __cplusplus
extern "C" {
#endif

/* A dependency on another plugin, by dotted name and version range such as
 * ">=0.1, <2" (comma-separated comparisons, all must hold). */
typedef struct theano_plugin_dependency {
  const char* name;
  const char* version_range;
  int optional; /* nonzero: load without it when absent */
} theano_plugin_dependency;

/* Registers everything the plugin provides into `registrar` (a
 * theano::Registrar*). Returns 0 on success; otherwise writes a message into
 * `error` (NUL-terminated, at most error_size bytes) and returns nonzero.
 * Never lets an exception escape. */
typedef int (*theano_plugin_register_fn)(void* registrar, char* error, size_t error_size);
typedef void (*theano_plugin_shutdown_fn)(void);

typedef struct theano_plugin_descriptor {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  const char* name;        /* unique dotted name, "theano.ops.blas" */
  const char* version;     /* semver "1.2.3" */
  const char* fingerprint; /* build fingerprint, see fingerprint.h */
  const theano_plugin_dependency* dependencies;
  uint32_t dependency_count;
  theano_plugin_register_fn register_fn;
  theano_plugin_shutdown_fn shutdown_fn; /* may be NULL */
  const void* extension;                 /* reserved, NULL */
} theano_plugin_descriptor;

typedef const theano_plugin_descriptor* (*theano_plugin_entry_fn)(void);

#ifdef __cplusplus
}

static_assert(sizeof(void*) != 8 || sizeof(theano_plugin_descriptor) == 72,
              "theano_plugin_descriptor layout is part of the ABI");
static_assert(offsetof(theano_plugin_descriptor, name) == 8, "descriptor layout changed");
#endif

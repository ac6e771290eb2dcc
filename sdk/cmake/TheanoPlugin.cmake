# theano_add_plugin(NAME SOURCES ... [LIBS ...]): a plugin shared library that
# links the core and lands in the plugin folder the loader searches first.
function(theano_add_plugin name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE theano::core ${ARG_LIBS})
  set_target_properties(${name} PROPERTIES
    PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY ${THEANO_PLUGIN_OUTPUT_DIR}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    INSTALL_RPATH "$ORIGIN/..")
  theano_warnings(${name})
  if(NOT TARGET theano_plugins)
    add_custom_target(theano_plugins)
  endif()
  add_dependencies(theano_plugins ${name})
endfunction()

# Every plugin joins the `theano_plugins` target, so hosts can build them all.
if(NOT TARGET theano_plugins)
  add_custom_target(theano_plugins)
endif()

# theano_add_plugin() for out-of-tree plugins, installed with the TheanoPP
# package (the in-tree twin is TheanoPlugin.cmake). It builds a MODULE
# library that links TheanoPP::core with what the plugin fingerprint needs to
# match the installed core: C++20 without extensions, the core's compiler
# family and major version, hidden visibility (only theano_plugin_entry is
# exported), and an RPATH that finds libtheano_core from lib/theano-plugins.
include_guard(GLOBAL)

# Warns when this project's compiler cannot produce a fingerprint the
# installed core accepts (the loader would refuse the plugin at run time).
function(_theanopp_check_compiler)
  string(REGEX MATCH "^[0-9]+" major "${CMAKE_CXX_COMPILER_VERSION}")
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL TheanoPP_CXX_COMPILER_ID OR
     NOT major STREQUAL TheanoPP_CXX_COMPILER_MAJOR)
    message(WARNING "TheanoPP was built with ${TheanoPP_CXX_COMPILER_ID} "
      "${TheanoPP_CXX_COMPILER_MAJOR}, this project uses ${CMAKE_CXX_COMPILER_ID} ${major}: "
      "the plugin's build fingerprint will differ and the loader will refuse it")
  endif()
endfunction()

# theano_add_plugin(NAME SOURCES src... [LIBS lib...] [OUTPUT_DIRECTORY dir])
# OUTPUT_DIRECTORY: where the .so lands in the build tree (default: the
# project's binary dir /plugins, a folder to name in THEANO_PLUGIN_PATH).
function(theano_add_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES;LIBS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "theano_add_plugin(${name}): no SOURCES given")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/plugins)
  endif()
  _theanopp_check_compiler()
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE TheanoPP::core TheanoPP::plugin_api ${ARG_LIBS})
  target_compile_features(${name} PRIVATE cxx_std_20)
  set_target_properties(${name} PROPERTIES
    PREFIX "lib"
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY}
    INSTALL_RPATH "$ORIGIN/..")
endfunction()

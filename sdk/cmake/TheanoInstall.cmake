# What `cmake --install <build> --prefix P` puts into P, and the CMake package
# (find_package(TheanoPP CONFIG)) that lets hosts, plugins and plugin tests be
# built out of tree against it. Included last by the top-level CMakeLists.txt,
# when every target exists. The installed layout mirrors the build tree:
#   P/include/theano/...            public headers (core, plugin_api, optdb, harness)
#   P/lib/libtheano_core.so         the kernel (and libtheano_testing.a, the harness)
#   P/lib/theano-plugins/*.so       shipped plugins and backends: the folder the
#                                   loader searches first (next to the core library)
#   P/bin/theano                    the command-line host (RPATH $ORIGIN/../lib)
#   P/lib/cmake/TheanoPP/           the package: targets TheanoPP::core,
#                                   TheanoPP::plugin_api, TheanoPP::testing,
#                                   TheanoPP::theano and theano_add_plugin()
include(CMakePackageConfigHelpers)

set(THEANO_INSTALL_PLUGIN_DIR lib/theano-plugins)
set(THEANO_INSTALL_CMAKE_DIR lib/cmake/TheanoPP)

# --- headers -------------------------------------------------------------------
foreach(dir core/include plugin_api/include optdb/include sdk/testing/include)
  if(IS_DIRECTORY ${CMAKE_SOURCE_DIR}/${dir})
    install(DIRECTORY ${CMAKE_SOURCE_DIR}/${dir}/ DESTINATION include)
  endif()
endforeach()
file(GLOB _theano_plugin_include_dirs LIST_DIRECTORIES true
  ${CMAKE_SOURCE_DIR}/plugins/*/include ${CMAKE_SOURCE_DIR}/backends/*/include)
foreach(dir ${_theano_plugin_include_dirs})
  if(IS_DIRECTORY ${dir})
    install(DIRECTORY ${dir}/ DESTINATION include)
  endif()
endforeach()

# --- libraries and the host, exported as TheanoPP:: targets ----------------------
# Every exported target needs C++20 in its interface: the plugin fingerprint
# records __cplusplus, so a plugin built with another standard is refused.
set_property(TARGET theano_plugin_api APPEND PROPERTY INTERFACE_COMPILE_FEATURES cxx_std_20)
set_target_properties(theano_core PROPERTIES EXPORT_NAME core)
set_target_properties(theano_plugin_api PROPERTIES EXPORT_NAME plugin_api)
set_target_properties(theano_optdb_headers PROPERTIES EXPORT_NAME optdb)
set(_theano_exported theano_core theano_plugin_api theano_optdb_headers)
if(TARGET theano_testing)
  set_target_properties(theano_testing PROPERTIES EXPORT_NAME testing)
  list(APPEND _theano_exported theano_testing)
endif()
if(TARGET theano)
  set_target_properties(theano PROPERTIES EXPORT_NAME theano)
  list(APPEND _theano_exported theano)
endif()
install(TARGETS ${_theano_exported} EXPORT TheanoPPTargets
  LIBRARY DESTINATION lib
  ARCHIVE DESTINATION lib
  RUNTIME DESTINATION bin
  INCLUDES DESTINATION include)
install(EXPORT TheanoPPTargets NAMESPACE TheanoPP:: DESTINATION ${THEANO_INSTALL_CMAKE_DIR})

# --- plugins and backends: every theano_add_plugin target of plugins/ and
# backends/ (test plugins made by tests/ stay out of the install) ---------------
get_target_property(_theano_plugin_targets theano_plugins MANUALLY_ADDED_DEPENDENCIES)
foreach(plugin ${_theano_plugin_targets})
  get_target_property(dir ${plugin} SOURCE_DIR)
  if(dir MATCHES "^${CMAKE_SOURCE_DIR}/(plugins|backends)/")
    install(TARGETS ${plugin} LIBRARY DESTINATION ${THEANO_INSTALL_PLUGIN_DIR})
  endif()
endforeach()

# --- the package files -------------------------------------------------------------
# What the host must match for a plugin to load (see plugin_api/fingerprint.h).
string(REGEX MATCH "^[0-9]+" THEANO_CXX_COMPILER_MAJOR "${CMAKE_CXX_COMPILER_VERSION}")
set(THEANO_PACKAGE_HAS_TESTING OFF)
if(TARGET theano_testing)
  set(THEANO_PACKAGE_HAS_TESTING ON)
endif()
configure_package_config_file(${CMAKE_SOURCE_DIR}/sdk/cmake/TheanoPPConfig.cmake.in
  ${CMAKE_BINARY_DIR}/package/TheanoPPConfig.cmake
  INSTALL_DESTINATION ${THEANO_INSTALL_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/package/TheanoPPConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/package/TheanoPPConfig.cmake
  ${CMAKE_BINARY_DIR}/package/TheanoPPConfigVersion.cmake
  ${CMAKE_SOURCE_DIR}/sdk/cmake/TheanoPPPlugin.cmake
  DESTINATION ${THEANO_INSTALL_CMAKE_DIR})

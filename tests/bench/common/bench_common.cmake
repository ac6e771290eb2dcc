# Defines bench_common (timing, options, inputs and checks shared by the
# Theano++ benchmarks) once, whichever benchmark folder is added first:
# tests/plugins/elemwise and tests/plugins/blas add their benchmark folders
# themselves, before tests/bench does.
if(NOT TARGET bench_common)
  add_library(bench_common STATIC ${CMAKE_CURRENT_LIST_DIR}/bench_common.cpp)
  target_include_directories(bench_common PUBLIC ${CMAKE_CURRENT_LIST_DIR})
  target_link_libraries(bench_common PUBLIC theano::core)
  theano_warnings(bench_common)
endif()

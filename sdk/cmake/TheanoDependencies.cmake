# Third-party dependencies, all from Debian 12 packages (see README).
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(TBB REQUIRED)
find_package(nlohmann_json 3 QUIET)
set(BLA_VENDOR OpenBLAS)
find_package(BLAS QUIET)

# CUDA is optional: AUTO builds the cuda backend only where the toolkit is found.
set(THEANO_HAVE_CUDA OFF)
if(NOT THEANO_WITH_CUDA STREQUAL "OFF")
  find_package(CUDAToolkit QUIET)
  if(CUDAToolkit_FOUND)
    set(THEANO_HAVE_CUDA ON)
  elseif(THEANO_WITH_CUDA STREQUAL "ON")
    message(FATAL_ERROR "THEANO_WITH_CUDA=ON but the CUDA toolkit was not found")
  endif()
endif()
message(STATUS "Theano++: CUDA backend ${THEANO_HAVE_CUDA}")

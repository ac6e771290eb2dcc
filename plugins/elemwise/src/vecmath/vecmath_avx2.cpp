// SLEEF kernels for AVX2 + FMA (8 floats / 4 doubles per vector). Compiled
// with -mavx2 -mfma; only called after the CPU was checked to support them.
#include <immintrin.h>
#include <sleef.h>

#define VM_ISA_NAME "avx2"
#define VM_WF 8
#define VM_WD 4
#define VM_VF __m256
#define VM_VD __m256d
#define VM_LOADF _mm256_loadu_ps
#define VM_STOREF _mm256_storeu_ps
#define VM_LOADD _mm256_loadu_pd
#define VM_STORED _mm256_storeu_pd
#define VM_FNAME_F(stem, acc) Sleef_##stem##f8##acc##avx2
#define VM_FNAME_D(stem, acc) Sleef_##stem##d4##acc##avx2
#define VM_TABLE_FN table_avx2

#include "vecmath_isa.inc"

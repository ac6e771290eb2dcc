// SLEEF kernels for AVX-512F (16 floats / 8 doubles per vector). Compiled
// with -mavx512f; only called after the CPU was checked to support it.
#include <immintrin.h>
#include <sleef.h>

#define VM_ISA_NAME "avx512f"
#define VM_WF 16
#define VM_WD 8
#define VM_VF __m512
#define VM_VD __m512d
#define VM_LOADF _mm512_loadu_ps
#define VM_STOREF _mm512_storeu_ps
#define VM_LOADD _mm512_loadu_pd
#define VM_STORED _mm512_storeu_pd
#define VM_FNAME_F(stem, acc) Sleef_##stem##f16##acc##avx512f
#define VM_FNAME_D(stem, acc) Sleef_##stem##d8##acc##avx512f
#define VM_TABLE_FN table_avx512

#include "vecmath_isa.inc"

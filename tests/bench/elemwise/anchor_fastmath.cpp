// M3 anchor loops with -ffast-math (vectorised libm calls).
#define ANCHOR_SUFFIX fastmath
#include "anchor.inc"

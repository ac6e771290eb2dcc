// M3 anchor loops without -ffast-math.
#define ANCHOR_SUFFIX plain
#include "anchor.inc"

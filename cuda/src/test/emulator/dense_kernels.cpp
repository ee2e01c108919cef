// The kernels of dense.cu, compiled for the CPU emulator.
#include "emu.h"
#include "dense.cu"

// The kernels of images.cu, compiled for the CPU emulator.
#include "emu.h"
#include "images.cu"

// Runs the batched kernels of dense.cu on the CPU emulator, with inputs and outputs in files of raw
// little-endian floats (f32) or doubles (f64), for org.mbp.cuda.BatchedKernelEmulationTest, which
// compares them with EjmlOps' batch operations.
//
//   dense-emulator gemm f32|f64 DIR m n k transA transB count gridX gridY gridZ
//       reads  DIR/a.bin (count·m·k) and DIR/b.bin (count·k·n); writes DIR/c.bin (count·m·n),
//       on a grid of gridX×gridY×gridZ blocks of 32×8 threads
//   dense-emulator outer f32|f64 DIR n k op count grid
//       reads  DIR/v.bin (count·n) and DIR/w.bin (count·k); writes DIR/out.bin (count·n·k), on
//       grid blocks of 256 threads
// The grids are those org.mbp.cuda.Launcher computes. Exit status 0 on success, 2 with a message on
// bad arguments or files.
#include <string>

#include "emu.h"
#include "emulator_io.h"
#include "dense.cu"

namespace {

using emu::fail;
using emu::integer;
using emu::positive;
using emu::readArray;
using emu::writeArray;

std::size_t product(int x, int y, int z) {
    return static_cast<std::size_t>(x) * y * z;
}

template <typename T>
void gemm(const std::string& dir, char** args, void (*kernel)(const T*, const T*, T*, int, int, int, int, int, int)) {
    int m = integer(args[0], "m", 0);
    int n = integer(args[1], "n", 0);
    int k = integer(args[2], "k", 0);
    int transA = integer(args[3], "transA", 0);
    int transB = integer(args[4], "transB", 0);
    int count = positive(args[5], "count");
    dim3 grid{static_cast<unsigned>(positive(args[6], "gridX")), static_cast<unsigned>(positive(args[7], "gridY")),
              static_cast<unsigned>(positive(args[8], "gridZ"))};
    auto a = readArray<T>(dir + "/a.bin", product(count, m, k), false);
    auto b = readArray<T>(dir + "/b.bin", product(count, k, n), false);
    std::vector<T> c(product(count, m, n));
    launch(grid, {32, 8, 1}, [&] { kernel(a.data(), b.data(), c.data(), m, n, k, transA, transB, count); });
    writeArray(dir + "/c.bin", c);
}

template <typename T>
void outer(const std::string& dir, char** args, void (*kernel)(const T*, const T*, T*, int, int, int, int)) {
    int n = integer(args[0], "n", 0);
    int k = integer(args[1], "k", 0);
    int op = integer(args[2], "op", 0);
    int count = positive(args[3], "count");
    unsigned grid = static_cast<unsigned>(positive(args[4], "grid"));
    auto v = readArray<T>(dir + "/v.bin", product(count, n, 1), false);
    auto w = readArray<T>(dir + "/w.bin", product(count, k, 1), false);
    std::vector<T> out(product(count, n, k));
    launch({grid, 1, 1}, {256, 1, 1}, [&] { kernel(v.data(), w.data(), out.data(), n, k, op, count); });
    writeArray(dir + "/out.bin", out);
}

}  // namespace

int main(int argc, char** argv) {
    emu::program = "dense-emulator";
    std::string mode = argc > 2 ? std::string(argv[1]) + " " + argv[2] : "";
    if (mode == "gemm f32" && argc == 13) {
        gemm<float>(argv[3], argv + 4, gemm_f32);
    } else if (mode == "gemm f64" && argc == 13) {
        gemm<double>(argv[3], argv + 4, gemm_f64);
    } else if (mode == "outer f32" && argc == 9) {
        outer<float>(argv[3], argv + 4, outer_f32);
    } else if (mode == "outer f64" && argc == 9) {
        outer<double>(argv[3], argv + 4, outer_f64);
    } else {
        fail("usage: dense-emulator gemm f32|f64 DIR m n k transA transB count gridX gridY gridZ"
             " | outer f32|f64 DIR n k op count grid");
    }
    return 0;
}

// Runs the kernels of jacobi.cu on the CPU emulator, with inputs and outputs in files of raw
// little-endian doubles (int32 for the statuses), for org.mbp.cuda.JacobiKernelEmulationTest.
//
//   jacobi-emulator eig DIR d batch maxSweeps grid threads
//       reads  DIR/a.bin (batch·d·d) and, when present, DIR/values.bin, DIR/vectors.bin and
//              DIR/sweeps.bin as the initial contents of the output buffers (else zeros);
//       writes DIR/values.bin (batch·d), DIR/vectors.bin (batch·d·d), DIR/sweeps.bin (batch)
//   jacobi-emulator svd DIR m n batch maxSweeps grid threads
//       reads  DIR/a.bin (batch·m·n) and, when present, the initial u, sigma, v, sweeps;
//       writes DIR/u.bin (batch·m·n), DIR/sigma.bin (batch·n), DIR/v.bin (batch·n·n),
//              DIR/sweeps.bin (batch)
// grid is the number of blocks (batch for one block per matrix), threads the block size (the
// kernels require 256). Exit status 0 on success, 2 with a message on bad arguments or files.
#include <cstdint>
#include <string>

#include "emu.h"
#include "emulator_io.h"
#include "jacobi.cu"

namespace {

using emu::fail;
using emu::positive;
using emu::readArray;
using emu::writeArray;

void eig(const std::string& dir, char** args) {
    int d = positive(args[0], "d");
    int batch = positive(args[1], "batch");
    int maxSweeps = positive(args[2], "maxSweeps");
    int grid = positive(args[3], "grid");
    int threads = positive(args[4], "threads");
    std::size_t dd = static_cast<std::size_t>(d) * d;
    auto a = readArray<double>(dir + "/a.bin", batch * dd, false);
    auto values = readArray<double>(dir + "/values.bin", batch * static_cast<std::size_t>(d), true);
    auto vectors = readArray<double>(dir + "/vectors.bin", batch * dd, true);
    auto sweeps = readArray<std::int32_t>(dir + "/sweeps.bin", batch, true);
    std::vector<double> work(2 * batch * dd);
    launch({static_cast<unsigned>(grid), 1, 1}, {static_cast<unsigned>(threads), 1, 1}, [&] {
        jacobi_eig_f64(a.data(), work.data(), values.data(), vectors.data(), sweeps.data(), d, batch, maxSweeps);
    });
    writeArray(dir + "/values.bin", values);
    writeArray(dir + "/vectors.bin", vectors);
    writeArray(dir + "/sweeps.bin", sweeps);
}

void svd(const std::string& dir, char** args) {
    int m = positive(args[0], "m");
    int n = positive(args[1], "n");
    int batch = positive(args[2], "batch");
    int maxSweeps = positive(args[3], "maxSweeps");
    int grid = positive(args[4], "grid");
    int threads = positive(args[5], "threads");
    std::size_t mn = static_cast<std::size_t>(m) * n;
    std::size_t nn = static_cast<std::size_t>(n) * n;
    auto a = readArray<double>(dir + "/a.bin", batch * mn, false);
    auto u = readArray<double>(dir + "/u.bin", batch * mn, true);
    auto sigma = readArray<double>(dir + "/sigma.bin", batch * static_cast<std::size_t>(n), true);
    auto v = readArray<double>(dir + "/v.bin", batch * nn, true);
    auto sweeps = readArray<std::int32_t>(dir + "/sweeps.bin", batch, true);
    std::vector<double> work(batch * (mn + nn));
    launch({static_cast<unsigned>(grid), 1, 1}, {static_cast<unsigned>(threads), 1, 1}, [&] {
        jacobi_svd_f64(a.data(), work.data(), u.data(), sigma.data(), v.data(), sweeps.data(), m, n, batch, maxSweeps);
    });
    writeArray(dir + "/u.bin", u);
    writeArray(dir + "/sigma.bin", sigma);
    writeArray(dir + "/v.bin", v);
    writeArray(dir + "/sweeps.bin", sweeps);
}

}  // namespace

int main(int argc, char** argv) {
    emu::program = "jacobi-emulator";
    std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "eig" && argc == 8) {
        eig(argv[2], argv + 3);
    } else if (mode == "svd" && argc == 9) {
        svd(argv[2], argv + 3);
    } else {
        fail("usage: jacobi-emulator eig DIR d batch maxSweeps grid threads | svd DIR m n batch maxSweeps grid threads");
    }
    return 0;
}

// CPU emulation of the CUDA features our kernels (cuda/src/main/cuda/*.cu) use, so that g++ can
// compile a .cu file unchanged and run its kernels on the host:
//  - every CUDA thread of a block is a real std::thread; the blocks of a grid run one after the
//    other, each thread walking all blocks in the same order and meeting the others at a barrier
//    after each block (so the block's static shared memory is never reused too early);
//  - __syncthreads is a block-wide std::barrier, __shfl_down_sync a warp-wide exchange through
//    a slot array between two warp barriers;
//  - __shared__ variables are function-local statics: one copy, valid because one block runs at
//    a time;
//  - the round-to-nearest double intrinsics are the plain IEEE operations (compile with
//    -ffp-contract=off so that g++ fuses nothing, as nvcc does not for these intrinsics).
// Worker threads are created once per process and reused by every launch: thread creation, not
// the kernels, dominated the run time when each block started its own threads.
#pragma once
#include <algorithm>
#include <barrier>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using std::exp;
using std::expm1;
using std::fabs;
using std::fmax;
using std::isfinite;
using std::isinf;
using std::isnan;
using std::log;
using std::log1p;
using std::max;
using std::min;
using std::nan;
using std::pow;
using std::signbit;
using std::sqrt;

struct dim3 {
    unsigned x = 1, y = 1, z = 1;
};

inline thread_local dim3 threadIdx, blockIdx;
inline dim3 blockDim, gridDim;

#define __global__
#define __device__
#define __forceinline__ inline
#define __shared__ static

inline double __dmul_rn(double x, double y) { return x * y; }
inline double __dadd_rn(double x, double y) { return x + y; }
inline double __dsub_rn(double x, double y) { return x - y; }
inline double __ddiv_rn(double x, double y) { return x / y; }
inline double __dsqrt_rn(double x) { return std::sqrt(x); }

namespace emu {

constexpr int WARP = 32;
constexpr int MAX_THREADS = 1024;

// Barriers of the running launch: one for the block, one per warp (the last warp may be partial).
inline std::unique_ptr<std::barrier<>> blockBarrier;
inline std::vector<std::unique_ptr<std::barrier<>>> warpBarriers;
inline double warpSlots[MAX_THREADS / WARP][WARP];

// The persistent workers: worker i plays thread i (x fastest) of every block of a launch.
class Pool {
public:
    ~Pool() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
            ++generation_;
        }
        start_.notify_all();
        for (auto& t : workers_) {
            t.join();
        }
    }

    void run(dim3 grid, dim3 block, const std::function<void()>& body) {
        unsigned n = block.x * block.y * block.z;
        if (n == 0 || n > MAX_THREADS || grid.x == 0 || grid.y == 0 || grid.z == 0) {
            std::fprintf(stderr, "emu: invalid launch grid (%u,%u,%u) block (%u,%u,%u)\n", grid.x, grid.y,
                    grid.z, block.x, block.y, block.z);
            std::exit(3);
        }
        gridDim = grid;
        blockDim = block;
        blockBarrier = std::make_unique<std::barrier<>>(n);
        warpBarriers.clear();
        for (unsigned w = 0; w < (n + WARP - 1) / WARP; ++w) {
            warpBarriers.push_back(std::make_unique<std::barrier<>>(std::min<unsigned>(WARP, n - WARP * w)));
        }
        while (workers_.size() < n) {
            unsigned id = workers_.size();
            workers_.emplace_back([this, id, g = generation_] { work(id, g); });
        }
        std::unique_lock<std::mutex> lock(mutex_);
        body_ = &body;
        active_ = n;
        pending_ = workers_.size();
        ++generation_;
        start_.notify_all();
        done_.wait(lock, [this] { return pending_ == 0; });
        body_ = nullptr;
    }

private:
    // Runs launch after launch; seen is the generation (launch count) already served.
    void work(unsigned id, unsigned seen) {
        for (;;) {
            const std::function<void()>* body;
            unsigned active;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                start_.wait(lock, [&] { return generation_ != seen; });
                seen = generation_;
                if (stopping_) {
                    return;
                }
                body = body_;
                active = active_;
            }
            if (id < active) {
                threadIdx = {id % blockDim.x, id / blockDim.x % blockDim.y, id / (blockDim.x * blockDim.y)};
                for (unsigned bz = 0; bz < gridDim.z; ++bz) {
                    for (unsigned by = 0; by < gridDim.y; ++by) {
                        for (unsigned bx = 0; bx < gridDim.x; ++bx) {
                            blockIdx = {bx, by, bz};
                            (*body)();
                            blockBarrier->arrive_and_wait();
                        }
                    }
                }
            }
            std::lock_guard<std::mutex> lock(mutex_);
            if (--pending_ == 0) {
                done_.notify_one();
            }
        }
    }

    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable start_, done_;
    const std::function<void()>* body_ = nullptr;
    unsigned active_ = 0, pending_ = 0, generation_ = 0;
    bool stopping_ = false;
};

inline Pool pool;

inline int linearThread() { return (threadIdx.z * blockDim.y + threadIdx.y) * blockDim.x + threadIdx.x; }

}  // namespace emu

inline void __syncthreads() { emu::blockBarrier->arrive_and_wait(); }

// Lane l receives the value of lane l + offset of its warp, or keeps its own beyond the warp.
template <typename T>
T __shfl_down_sync(unsigned, T v, int offset) {
    int t = emu::linearThread();
    int w = t / emu::WARP, lane = t % emu::WARP;
    emu::warpSlots[w][lane] = static_cast<double>(v);
    emu::warpBarriers[w]->arrive_and_wait();
    T r = lane + offset < emu::WARP ? static_cast<T>(emu::warpSlots[w][lane + offset]) : v;
    emu::warpBarriers[w]->arrive_and_wait();
    return r;
}

// Runs body (a call of one kernel) as the grid of blocks kernel<<<grid, block>>>(...) would.
inline void launch(dim3 grid, dim3 block, const std::function<void()>& body) { emu::pool.run(grid, block, body); }

// Dense matrix kernels of org.mbp.cuda.CudaOps, the device backend of org.mbp.backend.MatrixOps.
//
// Conventions shared by every kernel in this file:
//  - Matrices are row-major and dense: entry (i, j) of an r×c matrix sits at index i·c + j.
//  - Every operation is written once as a __device__ template over the element type T and exposed
//    as two extern "C" entry points NAME_f32 (T = float) and NAME_f64 (T = double).
//  - 1-D kernels take a linear entry count n and walk it with a grid-stride loop, so any grid of
//    256-thread blocks covers any n. 2-D tiled kernels (gemm, transpose) walk their tiles with
//    grid-stride loops in x and y, so the grid may be capped below the tile count.
//  - Results are reproducible: no atomics; reductions combine in a fixed order that depends only on
//    n and the launch configuration, which the Java side derives from n alone.
//  - Entry-wise operations mirror org.mbp.backend.EjmlOps: +, −, ×, ÷ and scaling in T; library
//    functions (Elementwise, power, Outer) evaluated in double and rounded to T.
//  - Sums of products (gemm, dot, diagonal_of_product) are left to nvcc, which fuses them into FMA:
//    results differ from EJML's in the last bits (BackendAgreement allows 1e-10 / 1e-4 relative),
//    unlike jacobi.cu, whose rounded intrinsics make it bit-identical to its Java reference.

namespace mbp {

// Threads per block of every 1-D kernel and of the reductions (the Java side launches this many).
constexpr int BLOCK = 256;
// Output tile edge of gemm and transpose; those run 32×8-thread blocks.
constexpr int TILE = 32;
constexpr int TILE_ROWS = 8;

__device__ __forceinline__ long long firstIndex() {
    return static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x;
}

__device__ __forceinline__ long long gridStride() {
    return static_cast<long long>(gridDim.x) * blockDim.x;
}

// ------------------------------------------------------------------ filling and structure

template <typename T>
__device__ void fill(T* out, long long n, T value) {
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        out[e] = value;
    }
}

template <typename T>
__device__ void identity(T* out, int n) {
    const long long total = static_cast<long long>(n) * n;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        out[e] = (e / n == e % n) ? T(1) : T(0);
    }
}

// out (cols×rows) = aᵀ through a shared TILE×(TILE+1) tile (the +1 avoids bank conflicts); both the
// read of a and the write of out are coalesced. Blocks are TILE×TILE_ROWS threads.
template <typename T>
__device__ void transpose(const T* a, T* out, int rows, int cols) {
    __shared__ T tile[TILE][TILE + 1];
    const int tx = threadIdx.x;
    const int tilesDown = (rows + TILE - 1) / TILE;
    const int tilesAcross = (cols + TILE - 1) / TILE;
    for (int tr = blockIdx.y; tr < tilesDown; tr += gridDim.y) {
        for (int tc = blockIdx.x; tc < tilesAcross; tc += gridDim.x) {
            const int row0 = tr * TILE;
            const int col0 = tc * TILE;
            for (int r = threadIdx.y; r < TILE; r += blockDim.y) {
                const int i = row0 + r;
                const int j = col0 + tx;
                if (i < rows && j < cols) {
                    tile[r][tx] = a[static_cast<long long>(i) * cols + j];
                }
            }
            __syncthreads();
            for (int r = threadIdx.y; r < TILE; r += blockDim.y) {
                const int j = col0 + r;   // row of out
                const int i = row0 + tx;  // column of out
                if (j < cols && i < rows) {
                    out[static_cast<long long>(j) * rows + i] = tile[tx][r];
                }
            }
            __syncthreads();
        }
    }
}

// dst[dstOffset + i·dstStride + j] = src[srcOffset + i·srcStride + j] for i < rows, j < cols:
// a rows×cols window of one row-major matrix into another (block, hconcat, padded, copies).
template <typename T>
__device__ void copy2d(const T* src, long long srcOffset, int srcStride, T* dst, long long dstOffset,
                       int dstStride, int rows, int cols) {
    const long long total = static_cast<long long>(rows) * cols;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        const long long i = e / cols;
        const long long j = e % cols;
        dst[dstOffset + i * dstStride + j] = src[srcOffset + i * srcStride + j];
    }
}

// out[i] = a[i·cols + i] for i < min(rows, cols).
template <typename T>
__device__ void diagonal(const T* a, T* out, int rows, int cols) {
    const long long k = rows < cols ? rows : cols;
    for (long long i = firstIndex(); i < k; i += gridStride()) {
        out[i] = a[i * cols + i];
    }
}

// out (rows×cols) = v on the main diagonal (v has min(rows, cols) entries), 0 elsewhere.
template <typename T>
__device__ void diagonalMatrix(const T* v, T* out, int rows, int cols) {
    const long long total = static_cast<long long>(rows) * cols;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        const long long i = e / cols;
        out[e] = (i == e % cols) ? v[i] : T(0);
    }
}

// byRows != 0: out_ij = v_i · a_ij (diag(v) A); byRows == 0: out_ij = a_ij · v_j (A diag(v)).
template <typename T>
__device__ void scaleBroadcast(const T* a, const T* v, T* out, int rows, int cols, int byRows) {
    const long long total = static_cast<long long>(rows) * cols;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        out[e] = byRows ? v[e / cols] * a[e] : a[e] * v[e % cols];
    }
}

// One warp per row, rows walked grid-stride: lane l sums the terms j ≡ l (mod 32) in order, then
// the 32 partial sums combine by a fixed shuffle tree. Blocks are BLOCK threads (8 warps).
template <typename T, typename Term>
__device__ void warpPerRowSum(T* out, int rows, int cols, Term term) {
    const int lane = threadIdx.x & 31;
    const int warps = blockDim.x >> 5;
    for (long long row = static_cast<long long>(blockIdx.x) * warps + (threadIdx.x >> 5); row < rows;
         row += static_cast<long long>(gridDim.x) * warps) {
        T s = T(0);
        for (int j = lane; j < cols; j += 32) {
            s += term(row, j);
        }
        for (int offset = 16; offset > 0; offset >>= 1) {
            s += __shfl_down_sync(0xffffffffu, s, offset);
        }
        if (lane == 0) {
            out[row] = s;
        }
    }
}

template <typename T>
struct RowEntry {
    const T* a;
    int cols;
    __device__ T operator()(long long i, int j) const { return a[i * cols + j]; }
};

template <typename T>
struct DiagonalProductTerm {
    const T* a;
    const T* b;
    int n;
    int inner;
    __device__ T operator()(long long i, int j) const {
        return a[i * inner + j] * b[static_cast<long long>(j) * n + i];
    }
};

// out[i] = Σ_j a_ij.
template <typename T>
__device__ void rowSums(const T* a, T* out, int rows, int cols) {
    warpPerRowSum(out, rows, cols, RowEntry<T>{a, cols});
}

// out[i] = Σ_j a_ij b_ji for a n×inner and b inner×n: diag(A B) in O(n·inner).
template <typename T>
__device__ void diagonalOfProduct(const T* a, const T* b, T* out, int n, int inner) {
    warpPerRowSum(out, n, inner, DiagonalProductTerm<T>{a, b, n, inner});
}

// ------------------------------------------------------------------ entry-wise arithmetic

// op: 0 add, 1 subtract, 2 multiply (Hadamard), 3 divide; computed in T.
template <typename T>
__device__ void binary(const T* a, const T* b, T* out, long long n, int op) {
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        const T x = a[e];
        const T y = b[e];
        T r;
        switch (op) {
            case 0: r = x + y; break;
            case 1: r = x - y; break;
            case 2: r = x * y; break;
            case 3: r = x / y; break;
            default: r = T(nan("")); break;
        }
        out[e] = r;
    }
}

// out = s · a with s already rounded to T (as EJML's scale of a float matrix).
template <typename T>
__device__ void scale(const T* a, T* out, long long n, T s) {
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        out[e] = s * a[e];
    }
}

// org.mbp.backend.Elementwise by code: 0 LOG, 1 LOG1P, 2 EXP, 3 EXPM1, 4 SQRT, 5 RECIPROCAL, 6 ABS.
__device__ double elementwise(int function, double x) {
    switch (function) {
        case 0: return log(x);
        case 1: return log1p(x);
        case 2: return exp(x);
        case 3: return expm1(x);
        case 4: return sqrt(x);
        case 5: return 1.0 / x;
        case 6: return fabs(x);
        default: return nan("");
    }
}

template <typename T>
__device__ void unary(const T* a, T* out, long long n, int function) {
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        out[e] = static_cast<T>(elementwise(function, static_cast<double>(a[e])));
    }
}

// java.lang.Math.pow where it differs from C's pow: a NaN exponent gives NaN, and so does
// (±1)^(±∞).
__device__ double javaPow(double x, double p) {
    if (isnan(p) || (fabs(x) == 1.0 && isinf(p))) {
        return nan("");
    }
    return pow(x, p);
}

template <typename T>
__device__ void power(const T* a, T* out, long long n, double p) {
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        out[e] = static_cast<T>(javaPow(static_cast<double>(a[e]), p));
    }
}

// java.lang.Math.min / max: NaN wins, and −0 < +0.
__device__ double javaMin(double a, double b) {
    if (isnan(a)) return a;
    if (isnan(b)) return b;
    if (a == 0.0 && b == 0.0) return signbit(a) ? a : b;
    return a <= b ? a : b;
}

__device__ double javaMax(double a, double b) {
    if (isnan(a)) return a;
    if (isnan(b)) return b;
    if (a == 0.0 && b == 0.0) return signbit(a) ? b : a;
    return a >= b ? a : b;
}

// org.mbp.backend.Outer by code: 0 DIFFERENCE, 1 SUM, 2 MIN, 3 MAX.
__device__ double outerOp(int op, double a, double b) {
    switch (op) {
        case 0: return a - b;
        case 1: return a + b;
        case 2: return javaMin(a, b);
        case 3: return javaMax(a, b);
        default: return nan("");
    }
}

// A stack of count tables, each n×k: table b has entries v_(b·n + i) op w_(b·k + j), i.e. it pairs
// block b of v (count·n entries) with block b of w (count·k entries). count = 1 is MatrixOps.outer.
template <typename T>
__device__ void outer(const T* v, const T* w, T* out, int n, int k, int op, int count) {
    const long long table = static_cast<long long>(n) * k;
    const long long total = table * count;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        const long long b = e / table;
        const long long r = e % table;
        out[e] = static_cast<T>(outerOp(op, static_cast<double>(v[b * n + r / k]), static_cast<double>(w[b * k + r % k])));
    }
}

// out_ij = 1 / a_ij for i ≠ j, 0 on the diagonal.
template <typename T>
__device__ void offDiagonalReciprocal(const T* a, T* out, int rows, int cols) {
    const long long total = static_cast<long long>(rows) * cols;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        out[e] = (e / cols == e % cols) ? T(0) : T(1) / a[e];
    }
}

// out = criterion <= threshold ? small : large, entry-wise, the criterion compared in double.
template <typename T>
__device__ void choose(const T* criterion, double threshold, const T* small, const T* large, T* out,
                       long long n) {
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        out[e] = static_cast<double>(criterion[e]) <= threshold ? small[e] : large[e];
    }
}

// out[k] = a[index[k]] for k < n, or 0 where index[k] is -1 (Gather.ZERO, padding): entry selection
// by row-major position (MatrixOps.gather).
template <typename T>
__device__ void gather(const T* a, const int* index, T* out, long long n) {
    for (long long k = firstIndex(); k < n; k += gridStride()) {
        int i = index[k];
        out[k] = i < 0 ? T(0) : a[i];
    }
}

template <typename S, typename D>
__device__ void convert(const S* in, D* out, long long n) {
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        out[e] = static_cast<D>(in[e]);
    }
}

// ------------------------------------------------------------------ reductions
// Two passes: pass 1 with G blocks leaves one partial per block, pass 2 (one block) combines the G
// partials. Each thread folds its grid-stride entries in order, then the block combines the BLOCK
// values by a fixed tree. Requires blockDim.x == BLOCK; call at most once per kernel.

template <typename A, typename Combine>
__device__ void blockReduce(A value, A* partial, Combine combine) {
    __shared__ A cache[BLOCK];
    const int t = threadIdx.x;
    cache[t] = value;
    __syncthreads();
    for (int half = BLOCK / 2; half > 0; half >>= 1) {
        if (t < half) {
            cache[t] = combine(cache[t], cache[t + half]);
        }
        __syncthreads();
    }
    if (t == 0) {
        partial[blockIdx.x] = cache[0];
    }
}

struct Sum {
    template <typename A>
    __device__ A operator()(A x, A y) const { return x + y; }
};

// Math.max: a NaN on either side propagates.
struct NanMax {
    template <typename A>
    __device__ A operator()(A x, A y) const { return (x != x || x > y) ? x : y; }
};

// partial[block] = Σ a_e b_e over the block's entries, products and sums in T.
template <typename T>
__device__ void dotPartial(const T* a, const T* b, long long n, T* partial) {
    T s = T(0);
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        s += a[e] * b[e];
    }
    blockReduce(s, partial, Sum());
}

// partial[block] = Σ a_e: pass 2 of the dot product.
template <typename T>
__device__ void sumPartial(const T* a, long long n, T* partial) {
    T s = T(0);
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        s += a[e];
    }
    blockReduce(s, partial, Sum());
}

// partial[block] = max |a_e| (0 when empty, NaN if any is NaN): both passes of maxAbs.
template <typename T>
__device__ void maxAbsPartial(const T* a, long long n, T* partial) {
    T m = T(0);
    const NanMax combine;
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        m = combine(m, static_cast<T>(fabs(a[e])));
    }
    blockReduce(m, partial, combine);
}

// partial[block] = the number of entries that are NaN or infinite: pass 1 of isFinite.
template <typename T>
__device__ void nonFinitePartial(const T* a, long long n, int* partial) {
    int count = 0;
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        count += isfinite(a[e]) ? 0 : 1;
    }
    blockReduce(count, partial, Sum());
}

// ------------------------------------------------------------------ matrix product

// c (m×n) = op(a) · op(b) with op(a) m×k and op(b) k×n, row-major: a is stored m×k, or k×m when
// transA; b is stored k×n, or n×k when transB. A block of TILE×TILE_ROWS threads computes one
// TILE×TILE tile of c (each thread TILE/TILE_ROWS entries of one column), stepping through k in
// TILE-wide slabs staged in shared memory; tiles are walked grid-stride. Each entry of c is summed
// in k order, so the result does not depend on the grid.
template <typename T>
__device__ void gemmBlock(const T* a, const T* b, T* c, int m, int n, int k, int transA, int transB) {
    __shared__ T as[TILE][TILE + 1];  // as[i][q] = op(a)(row0 + i, k0 + q)
    __shared__ T bs[TILE][TILE + 1];  // bs[q][j] = op(b)(k0 + q, col0 + j)
    constexpr int PER_THREAD = TILE / TILE_ROWS;
    const int tx = threadIdx.x;
    const int ty = threadIdx.y;
    const int tid = ty * TILE + tx;
    const int threads = TILE * TILE_ROWS;
    const int tilesDown = (m + TILE - 1) / TILE;
    const int tilesAcross = (n + TILE - 1) / TILE;
    for (int tr = blockIdx.y; tr < tilesDown; tr += gridDim.y) {
        for (int tc = blockIdx.x; tc < tilesAcross; tc += gridDim.x) {
            const int row0 = tr * TILE;
            const int col0 = tc * TILE;
            T acc[PER_THREAD];
#pragma unroll
            for (int r = 0; r < PER_THREAD; ++r) {
                acc[r] = T(0);
            }
            for (int k0 = 0; k0 < k; k0 += TILE) {
                // Consecutive threads read consecutive addresses in every layout.
                for (int e = tid; e < TILE * TILE; e += threads) {
                    const int r = e / TILE;
                    const int q = e % TILE;
                    if (!transA) {
                        const int i = row0 + r;
                        const int kk = k0 + q;
                        as[r][q] = (i < m && kk < k) ? a[static_cast<long long>(i) * k + kk] : T(0);
                    } else {
                        const int i = row0 + q;
                        const int kk = k0 + r;
                        as[q][r] = (i < m && kk < k) ? a[static_cast<long long>(kk) * m + i] : T(0);
                    }
                    if (!transB) {
                        const int kk = k0 + r;
                        const int j = col0 + q;
                        bs[r][q] = (kk < k && j < n) ? b[static_cast<long long>(kk) * n + j] : T(0);
                    } else {
                        const int kk = k0 + q;
                        const int j = col0 + r;
                        bs[q][r] = (kk < k && j < n) ? b[static_cast<long long>(j) * k + kk] : T(0);
                    }
                }
                __syncthreads();
#pragma unroll 8
                for (int q = 0; q < TILE; ++q) {
                    const T bv = bs[q][tx];
#pragma unroll
                    for (int r = 0; r < PER_THREAD; ++r) {
                        acc[r] += as[ty + r * TILE_ROWS][q] * bv;
                    }
                }
                __syncthreads();
            }
            const int j = col0 + tx;
#pragma unroll
            for (int r = 0; r < PER_THREAD; ++r) {
                const int i = row0 + ty + r * TILE_ROWS;
                if (i < m && j < n) {
                    c[static_cast<long long>(i) * n + j] = acc[r];
                }
            }
        }
    }
}

// The products of a batch (MatrixOps.multBlocks), one gemmBlock each: a, b and c are stacks of
// count blocks one after another (block p of a at p·m·k, of b at p·k·n, of c at p·m·n), walked
// grid-stride in z. Each block is computed exactly as a lone product, so count = 1 is
// MatrixOps.mult and its kin, and a block's product does not depend on the batch around it.
template <typename T>
__device__ void gemm(const T* a, const T* b, T* c, int m, int n, int k, int transA, int transB, int count) {
    for (int p = blockIdx.z; p < count; p += gridDim.z) {
        gemmBlock(a + static_cast<long long>(p) * m * k, b + static_cast<long long>(p) * k * n,
                  c + static_cast<long long>(p) * m * n, m, n, k, transA, transB);
    }
}

}  // namespace mbp
using namespace mbp;

// ------------------------------------------------------------------ entry points
// Launch configurations (the Java side, org.mbp.cuda.CudaOps, follows them):
//  1-D kernels and warp-per-row kernels: blockDim (256,1,1), any gridDim.x ≥ 1.
//  gemm, transpose: blockDim (32,8,1), any gridDim (x over column tiles, y over row tiles; gemm's z
//  over the blocks of a stack).
//  *_partial, count_partial: blockDim (256,1,1); partial has gridDim.x entries.

extern "C" __global__ void fill_f32(float* out, long long n, float value) { fill(out, n, value); }
extern "C" __global__ void fill_f64(double* out, long long n, double value) { fill(out, n, value); }

extern "C" __global__ void identity_f32(float* out, int n) { identity(out, n); }
extern "C" __global__ void identity_f64(double* out, int n) { identity(out, n); }

extern "C" __global__ void transpose_f32(const float* a, float* out, int rows, int cols) { transpose(a, out, rows, cols); }
extern "C" __global__ void transpose_f64(const double* a, double* out, int rows, int cols) { transpose(a, out, rows, cols); }

extern "C" __global__ void copy2d_f32(const float* src, long long srcOffset, int srcStride, float* dst,
                                      long long dstOffset, int dstStride, int rows, int cols) {
    copy2d(src, srcOffset, srcStride, dst, dstOffset, dstStride, rows, cols);
}
extern "C" __global__ void copy2d_f64(const double* src, long long srcOffset, int srcStride, double* dst,
                                      long long dstOffset, int dstStride, int rows, int cols) {
    copy2d(src, srcOffset, srcStride, dst, dstOffset, dstStride, rows, cols);
}

extern "C" __global__ void diagonal_f32(const float* a, float* out, int rows, int cols) { diagonal(a, out, rows, cols); }
extern "C" __global__ void diagonal_f64(const double* a, double* out, int rows, int cols) { diagonal(a, out, rows, cols); }

extern "C" __global__ void diagonal_matrix_f32(const float* v, float* out, int rows, int cols) { diagonalMatrix(v, out, rows, cols); }
extern "C" __global__ void diagonal_matrix_f64(const double* v, double* out, int rows, int cols) { diagonalMatrix(v, out, rows, cols); }

extern "C" __global__ void scale_broadcast_f32(const float* a, const float* v, float* out, int rows, int cols, int byRows) {
    scaleBroadcast(a, v, out, rows, cols, byRows);
}
extern "C" __global__ void scale_broadcast_f64(const double* a, const double* v, double* out, int rows, int cols, int byRows) {
    scaleBroadcast(a, v, out, rows, cols, byRows);
}

extern "C" __global__ void row_sums_f32(const float* a, float* out, int rows, int cols) { rowSums(a, out, rows, cols); }
extern "C" __global__ void row_sums_f64(const double* a, double* out, int rows, int cols) { rowSums(a, out, rows, cols); }

extern "C" __global__ void diagonal_of_product_f32(const float* a, const float* b, float* out, int n, int inner) {
    diagonalOfProduct(a, b, out, n, inner);
}
extern "C" __global__ void diagonal_of_product_f64(const double* a, const double* b, double* out, int n, int inner) {
    diagonalOfProduct(a, b, out, n, inner);
}

extern "C" __global__ void binary_f32(const float* a, const float* b, float* out, long long n, int op) { binary(a, b, out, n, op); }
extern "C" __global__ void binary_f64(const double* a, const double* b, double* out, long long n, int op) { binary(a, b, out, n, op); }

extern "C" __global__ void scale_f32(const float* a, float* out, long long n, float s) { scale(a, out, n, s); }
extern "C" __global__ void scale_f64(const double* a, double* out, long long n, double s) { scale(a, out, n, s); }

extern "C" __global__ void unary_f32(const float* a, float* out, long long n, int function) { unary(a, out, n, function); }
extern "C" __global__ void unary_f64(const double* a, double* out, long long n, int function) { unary(a, out, n, function); }

extern "C" __global__ void power_f32(const float* a, float* out, long long n, double p) { power(a, out, n, p); }
extern "C" __global__ void power_f64(const double* a, double* out, long long n, double p) { power(a, out, n, p); }

extern "C" __global__ void outer_f32(const float* v, const float* w, float* out, int n, int k, int op, int count) {
    outer(v, w, out, n, k, op, count);
}
extern "C" __global__ void outer_f64(const double* v, const double* w, double* out, int n, int k, int op, int count) {
    outer(v, w, out, n, k, op, count);
}

extern "C" __global__ void off_diagonal_reciprocal_f32(const float* a, float* out, int rows, int cols) {
    offDiagonalReciprocal(a, out, rows, cols);
}
extern "C" __global__ void off_diagonal_reciprocal_f64(const double* a, double* out, int rows, int cols) {
    offDiagonalReciprocal(a, out, rows, cols);
}

extern "C" __global__ void gather_f32(const float* a, const int* index, float* out, long long n) {
    gather(a, index, out, n);
}
extern "C" __global__ void gather_f64(const double* a, const int* index, double* out, long long n) {
    gather(a, index, out, n);
}
extern "C" __global__ void choose_f32(const float* criterion, double threshold, const float* small, const float* large,
                                      float* out, long long n) {
    choose(criterion, threshold, small, large, out, n);
}
extern "C" __global__ void choose_f64(const double* criterion, double threshold, const double* small, const double* large,
                                      double* out, long long n) {
    choose(criterion, threshold, small, large, out, n);
}

// convert_f32: float in, double out (exact); convert_f64: double in, float out (round to nearest).
extern "C" __global__ void convert_f32(const float* in, double* out, long long n) { convert(in, out, n); }
extern "C" __global__ void convert_f64(const double* in, float* out, long long n) { convert(in, out, n); }

extern "C" __global__ void dot_partial_f32(const float* a, const float* b, long long n, float* partial) { dotPartial(a, b, n, partial); }
extern "C" __global__ void dot_partial_f64(const double* a, const double* b, long long n, double* partial) { dotPartial(a, b, n, partial); }

extern "C" __global__ void sum_partial_f32(const float* a, long long n, float* partial) { sumPartial(a, n, partial); }
extern "C" __global__ void sum_partial_f64(const double* a, long long n, double* partial) { sumPartial(a, n, partial); }

extern "C" __global__ void max_abs_partial_f32(const float* a, long long n, float* partial) { maxAbsPartial(a, n, partial); }
extern "C" __global__ void max_abs_partial_f64(const double* a, long long n, double* partial) { maxAbsPartial(a, n, partial); }

extern "C" __global__ void non_finite_partial_f32(const float* a, long long n, int* partial) { nonFinitePartial(a, n, partial); }
extern "C" __global__ void non_finite_partial_f64(const double* a, long long n, int* partial) { nonFinitePartial(a, n, partial); }

// Pass 2 of the non-finite count: partial[block] = Σ a_e over int counts.
extern "C" __global__ void count_partial(const int* a, long long n, int* partial) {
    int s = 0;
    for (long long e = firstIndex(); e < n; e += gridStride()) {
        s += a[e];
    }
    blockReduce(s, partial, Sum());
}

extern "C" __global__ void gemm_f32(const float* a, const float* b, float* c, int m, int n, int k, int transA, int transB,
                                    int count) {
    gemm(a, b, c, m, n, k, transA, transB, count);
}
extern "C" __global__ void gemm_f64(const double* a, const double* b, double* c, int m, int n, int k, int transA, int transB,
                                    int count) {
    gemm(a, b, c, m, n, k, transA, transB, count);
}

/*
 * Batched Jacobi eigendecomposition (symmetric) and one-sided Jacobi SVD in double precision,
 * for matrices of order <= 256. The Java reference org.mbp.cuda.jacobi.JacobiEigen /
 * OneSidedJacobiSvd performs the same algorithm with the same arithmetic in the same order:
 * every multiply, add, divide and square root here is written with the IEEE round-to-nearest
 * intrinsics (__dmul_rn, __dadd_rn, __dsub_rn, __ddiv_rn, __dsqrt_rn), which nvcc never
 * contracts into FMA, so a GPU run reproduces the Java reference bit for bit.
 *
 * Build: nvcc -ptx -arch=compute_75 -o jacobi.ptx jacobi.cu
 *
 * ============================================================================================
 * LAUNCH CONTRACT (both kernels)
 *   block : blockDim = (256, 1, 1) exactly (JACOBI_THREADS); any other block size makes the
 *           kernel write status 0 for every matrix and return.
 *   grid  : gridDim = (G, 1, 1), any G >= 1; block b handles matrices b, b + G, b + 2G, ...
 *           Use G = batch (one block per matrix) unless batch exceeds the grid limit.
 *   dynamic shared memory: 0 bytes (all shared memory is static, about 11 KiB).
 *   All arrays are device pointers to doubles / ints, densely packed, matrix after matrix.
 *
 * extern "C" __global__ void jacobi_eig_f64(
 *     const double* a,        // in : batch * d * d, each symmetric, row-major; not modified
 *     double*       work,     // tmp: batch * 2 * d * d (the rotated matrix, then V transposed)
 *     double*       values,   // out: batch * d, eigenvalues in ascending order
 *     double*       vectors,  // out: batch * d * d, row-major, column j = eigenvector of values[j]
 *     int*          sweeps,   // out: batch, status (below)
 *     int d, int batch, int maxSweeps)   // 1 <= d <= 256, batch >= 1, maxSweeps >= 1
 *
 * extern "C" __global__ void jacobi_svd_f64(
 *     const double* a,        // in : batch * m * n, row-major; not modified
 *     double*       work,     // tmp: batch * (n * m + n * n) (A transposed, then V transposed)
 *     double*       u,        // out: batch * m * n, row-major, compact left singular vectors
 *     double*       sigma,    // out: batch * n, singular values in descending order
 *     double*       v,        // out: batch * n * n, row-major, column j = right vector j
 *     int*          sweeps,   // out: batch, status (below)
 *     int m, int n, int batch, int maxSweeps)  // 1 <= n <= 256, n <= m <= 2^20, maxSweeps >= 1
 *
 * status (sweeps[b]):
 *   k > 0      converged: k sweeps ran, the last one performed no rotation;
 *   -maxSweeps not converged after maxSweeps sweeps (outputs hold that state, sorted and signed);
 *   0          not run: invalid input (an entry NaN, infinite or of magnitude > 2^500), or an
 *              invalid launch (blockDim.x != 256, d or n outside [1, 256], m < n or m > 2^20,
 *              maxSweeps < 1); the outputs of that matrix are left untouched.
 * The EIG input must be symmetric: the kernel decomposes the symmetric part (A + Aᵀ)/2 and does
 * not check symmetry (JacobiEigen.requireSymmetric states the tolerance the Java side enforces).
 * ============================================================================================
 *
 * ALGORITHM (identical in the Java reference)
 *   Ordering: parallel round-robin (circle method). n' = order rounded up to even; a sweep has
 *   n' - 1 rounds of n'/2 disjoint pairs; pair i of round r is (n'-1, r) for i = 0 and
 *   ((r+i) mod (n'-1), (r-i+n'-1) mod (n'-1)) for i >= 1, ordered p < q; a pair with q = order
 *   (the dummy index of an odd order) is skipped.
 *   Rotation (Rutishauser): theta = diff / (2 off), t = sign(theta) / (|theta| + sqrt(theta^2+1))
 *   with sign(theta) = +1 for theta >= 0 (so also for -0), t = 1 / (2 theta) when |theta| > 1e150
 *   (theta^2 would overflow), c = 1 / sqrt(1 + t^2), s = t c. A rotation with t = 0 (theta
 *   infinite) is skipped. The rotation of rows/columns x (index p), y (index q) is
 *   x' = c x - s y, y' = s x + c y, each product rounded, then the sum: sub(mul(c,x), mul(s,y)).
 *   EIG round: phase 1 computes (c, s) of every pair from the current A (diff = a_qq - a_pp,
 *   off = a_pq with p < q); skip when |a_pq| <= tol * (sqrt|a_pp| * sqrt|a_qq|) or
 *   |a_pq| <= floor. Phase 2 rotates rows p, q of A and of Vᵀ. Phase 3 rotates columns p, q of A
 *   and sets a_pq = a_qp = 0 (their exact value; the computed value is rounding noise).
 *   SVD round: phase 1 computes alpha = |w_p|^2, beta = |w_q|^2, gamma = w_p . w_q for every
 *   pair (w = rows of W = Aᵀ, i.e. columns of A), skip when gamma = 0 or
 *   |gamma| <= tol * (sqrt(alpha) * sqrt(beta)), else diff = beta - alpha, off = gamma.
 *   Phase 2 rotates rows p, q of W and of Vᵀ.
 *   A sweep that performs no rotation ends the iteration (converged).
 *   Tolerances: EIG tol = 1e-15 (about 4.5 ulp), floor = (DBL_EPSILON * max|a_ij|) / d;
 *   SVD tol = DBL_EPSILON * sqrt(m) (LAPACK dgesvj uses sqrt(m) * eps/2: gamma carries rounding
 *   noise of order sqrt(m) eps sqrt(alpha beta), so a smaller tol could rotate forever).
 *   Summation order: every sum is sequential in increasing index, s = add(s, mul(x, y)),
 *   computed by one thread (alpha, beta, gamma of one pair; |w_j|^2 of one column). The only
 *   other reduction, max|a_ij|, is exact in any order.
 *   EIG output: values = diag(A) sorted ascending, stable (rank of j = #{i: v_i < v_j} +
 *   #{i < j: v_i == v_j}); eigenvector j = row j of Vᵀ, multiplied by -1 when its entry of
 *   largest magnitude (the first one on ties) is negative.
 *   SVD output: sigma_j = sqrt(|w_j|^2), sorted descending, stable; v_j = row j of Vᵀ and
 *   u_j = w_j / sigma_j (each entry divided), both multiplied by -1 when the entry of largest
 *   magnitude of v_j is negative; u_j is left zero when sigma_j = 0.
 *
 * DESIGN: one thread block per matrix; A (or W) and Vᵀ live in the global work buffer (a
 * 256 x 256 double matrix is 512 KiB, far beyond shared memory) and stay in L2 between rounds;
 * the per-round rotation parameters and the flags live in shared memory. Storing V transposed
 * turns every V update into a row update, so consecutive threads touch consecutive addresses.
 * __syncthreads() separates the phases of a round; __syncthreads also orders global memory
 * within the block, so no other fence is needed.
 */

#define JACOBI_THREADS 256
#define JACOBI_MAX_ORDER 256
#define JACOBI_MAX_PAIRS (JACOBI_MAX_ORDER / 2)
#define JACOBI_MAX_ROWS (1 << 20)
#define JACOBI_MAX_ENTRY 0x1p500
#define JACOBI_EIG_TOLERANCE 1e-15
#define JACOBI_HUGE_THETA 1e150
#define JACOBI_EPSILON 0x1p-52

__device__ __forceinline__ double mul(double x, double y) { return __dmul_rn(x, y); }
__device__ __forceinline__ double add(double x, double y) { return __dadd_rn(x, y); }
__device__ __forceinline__ double sub(double x, double y) { return __dsub_rn(x, y); }
__device__ __forceinline__ double quot(double x, double y) { return __ddiv_rn(x, y); }
__device__ __forceinline__ double root(double x) { return __dsqrt_rn(x); }

/* Shared state of one block: the rotations of the current round and the final permutation. */
struct JacobiShared {
    double c[JACOBI_MAX_PAIRS];
    double s[JACOBI_MAX_PAIRS];
    int p[JACOBI_MAX_PAIRS];
    int q[JACOBI_MAX_PAIRS];
    int rotate[JACOBI_MAX_PAIRS];
    double value[JACOBI_MAX_ORDER];
    double sign[JACOBI_MAX_ORDER];
    int perm[JACOBI_MAX_ORDER];
    double red[JACOBI_THREADS];
    int any;
    int bad;
};

/* Pair i of round r of the circle method over padded order np, as p < q. */
__device__ __forceinline__ void round_robin_pair(int np, int r, int i, int* p, int* q) {
    int x;
    int y;
    if (i == 0) {
        x = np - 1;
        y = r;
    } else {
        x = (r + i) % (np - 1);
        y = (r - i + np - 1) % (np - 1);
    }
    *p = min(x, y);
    *q = max(x, y);
}

/* Rutishauser's rotation annihilating off for the 2x2 problem with difference diff; false
 * (identity) when t underflows to zero. */
__device__ __forceinline__ bool rotation(double diff, double off, double* c, double* s) {
    double theta = quot(diff, mul(2.0, off));
    double magnitude = fabs(theta);
    double t;
    if (magnitude > JACOBI_HUGE_THETA) {
        t = quot(1.0, mul(2.0, theta));
    } else {
        t = quot(theta >= 0.0 ? 1.0 : -1.0, add(magnitude, root(add(mul(theta, theta), 1.0))));
    }
    if (t == 0.0) {
        return false;
    }
    double cosine = quot(1.0, root(add(1.0, mul(t, t))));
    *c = cosine;
    *s = mul(t, cosine);
    return true;
}

/* x' = c x - s y, y' = s x + c y in place. */
__device__ __forceinline__ void rotate_pair(double* x, double* y, double c, double s) {
    double a = *x;
    double b = *y;
    *x = sub(mul(c, a), mul(s, b));
    *y = add(mul(s, a), mul(c, b));
}

/* ±1 making the entry of largest magnitude of row[0..len) positive (first on ties). */
__device__ double canonical_sign(const double* row, int len) {
    double largest = 0.0;
    for (int i = 0; i < len; i++) {
        double x = row[i];
        if (fabs(x) > fabs(largest)) {
            largest = x;
        }
    }
    return largest < 0.0 ? -1.0 : 1.0;
}

/* Stable rank of value[j] among value[0..len): ascending, or descending when descending. */
__device__ int stable_rank(const double* value, int len, int j, bool descending) {
    double x = value[j];
    int rank = 0;
    for (int i = 0; i < len; i++) {
        double y = value[i];
        bool before = descending ? y > x : y < x;
        if (before || (y == x && i < j)) {
            rank++;
        }
    }
    return rank;
}

/* Block-wide maximum of the non-negative per-thread values; every thread gets the result. */
__device__ double block_max(JacobiShared& sh, double local) {
    int tid = threadIdx.x;
    sh.red[tid] = local;
    __syncthreads();
    for (int half = JACOBI_THREADS / 2; half > 0; half >>= 1) {
        if (tid < half) {
            sh.red[tid] = fmax(sh.red[tid], sh.red[tid + half]);
        }
        __syncthreads();
    }
    double result = sh.red[0];
    __syncthreads();
    return result;
}

/* The cyclic sweep loop both kernels share (JacobiSweeps in the Java reference): per round,
 * phase 1 computes every pair's rotation from the current matrix (rotation(p, q, &c, &s) says
 * whether to rotate), then update(pairs) applies the round's rotations with its own barriers.
 * Returns the sweeps run when the last rotated nothing, else -maxSweeps. */
template <typename PairRotation, typename RoundUpdate>
__device__ int jacobi_sweeps(JacobiShared& sh, int order, int maxSweeps, PairRotation rotation,
                             RoundUpdate update) {
    int tid = threadIdx.x;
    int np = order + (order & 1);
    int pairs = np / 2;
    int rounds = np - 1;
    for (int sweep = 1; sweep <= maxSweeps; sweep++) {
        if (tid == 0) {
            sh.any = 0;
        }
        __syncthreads();
        for (int r = 0; r < rounds; r++) {
            for (int k = tid; k < pairs; k += JACOBI_THREADS) {
                int p;
                int q;
                round_robin_pair(np, r, k, &p, &q);
                sh.p[k] = p;
                sh.q[k] = q;
                double c = 1.0;
                double s = 0.0;
                bool rotate = q < order && rotation(p, q, &c, &s);
                sh.c[k] = c;
                sh.s[k] = s;
                sh.rotate[k] = rotate;
                if (rotate) {
                    sh.any = 1;
                }
            }
            __syncthreads();
            update(pairs);
        }
        int any = sh.any;
        __syncthreads();
        if (!any) {
            return sweep;
        }
    }
    return -maxSweeps;
}

extern "C" __global__ void jacobi_eig_f64(const double* a, double* work, double* values,
                                          double* vectors, int* sweeps, int d, int batch,
                                          int maxSweeps) {
    __shared__ JacobiShared sh;
    int tid = threadIdx.x;
    bool launchOk = blockDim.x == JACOBI_THREADS && d >= 1 && d <= JACOBI_MAX_ORDER
            && maxSweeps >= 1;
    int dd = d * d;
    for (int b = blockIdx.x; b < batch; b += gridDim.x) {
        if (!launchOk) {
            if (tid == 0) {
                sweeps[b] = 0;
            }
            continue;
        }
        const double* in = a + (size_t) b * dd;
        double* w = work + (size_t) b * 2 * dd;
        double* vt = w + dd;
        if (tid == 0) {
            sh.bad = 0;
        }
        __syncthreads();
        double localMax = 0.0;
        for (int idx = tid; idx < dd; idx += JACOBI_THREADS) {
            int i = idx / d;
            int j = idx % d;
            double x = in[idx];
            double y = in[j * d + i];
            if (!(fabs(x) <= JACOBI_MAX_ENTRY)) {
                sh.bad = 1;
            }
            double sym = mul(add(x, y), 0.5);
            w[idx] = sym;
            vt[idx] = i == j ? 1.0 : 0.0;
            localMax = fmax(localMax, fabs(sym));
        }
        double maxAbs = block_max(sh, localMax);
        if (sh.bad) {
            if (tid == 0) {
                sweeps[b] = 0;
            }
            __syncthreads();
            continue;
        }
        double absFloor = quot(mul(JACOBI_EPSILON, maxAbs), (double) d);
        int status = jacobi_sweeps(sh, d, maxSweeps, [&](int p, int q, double* c, double* s) {
            double app = w[p * d + p];
            double aqq = w[q * d + q];
            double apq = w[p * d + q];
            double off = fabs(apq);
            bool negligible = off <= mul(JACOBI_EIG_TOLERANCE, mul(root(fabs(app)), root(fabs(aqq))))
                    || off <= absFloor;
            return !negligible && rotation(sub(aqq, app), apq, c, s);
        }, [&](int pairs) {
            for (int idx = tid; idx < pairs * d; idx += JACOBI_THREADS) {
                int k = idx / d;
                int j = idx % d;
                if (sh.rotate[k]) {
                    int p = sh.p[k];
                    int q = sh.q[k];
                    rotate_pair(&w[p * d + j], &w[q * d + j], sh.c[k], sh.s[k]);
                    rotate_pair(&vt[p * d + j], &vt[q * d + j], sh.c[k], sh.s[k]);
                }
            }
            __syncthreads();
            for (int idx = tid; idx < pairs * d; idx += JACOBI_THREADS) {
                int i = idx / pairs;
                int k = idx % pairs;
                if (sh.rotate[k]) {
                    int p = sh.p[k];
                    int q = sh.q[k];
                    rotate_pair(&w[i * d + p], &w[i * d + q], sh.c[k], sh.s[k]);
                    if (i == p) {
                        w[i * d + q] = 0.0;
                    } else if (i == q) {
                        w[i * d + p] = 0.0;
                    }
                }
            }
            __syncthreads();
        });
        for (int j = tid; j < d; j += JACOBI_THREADS) {
            sh.value[j] = w[j * d + j];
            sh.sign[j] = canonical_sign(vt + j * d, d);
        }
        __syncthreads();
        for (int j = tid; j < d; j += JACOBI_THREADS) {
            int rank = stable_rank(sh.value, d, j, false);
            sh.perm[rank] = j;
            values[(size_t) b * d + rank] = sh.value[j];
        }
        __syncthreads();
        double* out = vectors + (size_t) b * dd;
        for (int idx = tid; idx < dd; idx += JACOBI_THREADS) {
            int i = idx / d;
            int src = sh.perm[idx % d];
            out[idx] = mul(sh.sign[src], vt[src * d + i]);
        }
        if (tid == 0) {
            sweeps[b] = status;
        }
        __syncthreads();
    }
}

extern "C" __global__ void jacobi_svd_f64(const double* a, double* work, double* u,
                                          double* sigma, double* v, int* sweeps, int m, int n,
                                          int batch, int maxSweeps) {
    __shared__ JacobiShared sh;
    int tid = threadIdx.x;
    bool launchOk = blockDim.x == JACOBI_THREADS && n >= 1 && n <= JACOBI_MAX_ORDER && m >= n
            && m <= JACOBI_MAX_ROWS && maxSweeps >= 1;
    int mn = m * n;
    int nn = n * n;
    int span = m + n;
    double tol = mul(JACOBI_EPSILON, root((double) m));
    for (int b = blockIdx.x; b < batch; b += gridDim.x) {
        if (!launchOk) {
            if (tid == 0) {
                sweeps[b] = 0;
            }
            continue;
        }
        const double* in = a + (size_t) b * mn;
        double* w = work + (size_t) b * (mn + nn);
        double* vt = w + mn;
        if (tid == 0) {
            sh.bad = 0;
        }
        __syncthreads();
        for (int idx = tid; idx < mn; idx += JACOBI_THREADS) {
            int i = idx / n;
            int j = idx % n;
            double x = in[idx];
            if (!(fabs(x) <= JACOBI_MAX_ENTRY)) {
                sh.bad = 1;
            }
            w[j * m + i] = x;
        }
        for (int idx = tid; idx < nn; idx += JACOBI_THREADS) {
            vt[idx] = idx / n == idx % n ? 1.0 : 0.0;
        }
        __syncthreads();
        if (sh.bad) {
            if (tid == 0) {
                sweeps[b] = 0;
            }
            __syncthreads();
            continue;
        }
        int status = jacobi_sweeps(sh, n, maxSweeps, [&](int p, int q, double* c, double* s) {
            const double* wp = w + (size_t) p * m;
            const double* wq = w + (size_t) q * m;
            double alpha = 0.0;
            double beta = 0.0;
            double gamma = 0.0;
            for (int i = 0; i < m; i++) {
                double x = wp[i];
                double y = wq[i];
                alpha = add(alpha, mul(x, x));
                beta = add(beta, mul(y, y));
                gamma = add(gamma, mul(x, y));
            }
            bool negligible = gamma == 0.0 || fabs(gamma) <= mul(tol, mul(root(alpha), root(beta)));
            return !negligible && rotation(sub(beta, alpha), gamma, c, s);
        }, [&](int pairs) {
            for (int idx = tid; idx < pairs * span; idx += JACOBI_THREADS) {
                int k = idx / span;
                int j = idx % span;
                if (sh.rotate[k]) {
                    int p = sh.p[k];
                    int q = sh.q[k];
                    if (j < m) {
                        rotate_pair(&w[(size_t) p * m + j], &w[(size_t) q * m + j], sh.c[k], sh.s[k]);
                    } else {
                        rotate_pair(&vt[p * n + j - m], &vt[q * n + j - m], sh.c[k], sh.s[k]);
                    }
                }
            }
            __syncthreads();
        });
        for (int j = tid; j < n; j += JACOBI_THREADS) {
            const double* wj = w + (size_t) j * m;
            double norm2 = 0.0;
            for (int i = 0; i < m; i++) {
                norm2 = add(norm2, mul(wj[i], wj[i]));
            }
            sh.value[j] = root(norm2);
            sh.sign[j] = canonical_sign(vt + j * n, n);
        }
        __syncthreads();
        for (int j = tid; j < n; j += JACOBI_THREADS) {
            int rank = stable_rank(sh.value, n, j, true);
            sh.perm[rank] = j;
            sigma[(size_t) b * n + rank] = sh.value[j];
        }
        __syncthreads();
        double* vout = v + (size_t) b * nn;
        for (int idx = tid; idx < nn; idx += JACOBI_THREADS) {
            int i = idx / n;
            int src = sh.perm[idx % n];
            vout[idx] = mul(sh.sign[src], vt[src * n + i]);
        }
        double* uout = u + (size_t) b * mn;
        for (int idx = tid; idx < mn; idx += JACOBI_THREADS) {
            int i = idx / n;
            int src = sh.perm[idx % n];
            double s = sh.value[src];
            uout[idx] = s == 0.0 ? 0.0 : mul(sh.sign[src], quot(w[(size_t) src * m + i], s));
        }
        if (tid == 0) {
            sweeps[b] = status;
        }
        __syncthreads();
    }
}

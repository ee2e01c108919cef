// Checks of every kernel of dense.cu and images.cu (float and double) on the CPU emulator against
// independent host loops; prints each failure, then "N checks, F failures", and exits 1 when F > 0.
// Exact comparison where the kernel computes each entry on its own; relative tolerance 1e-6 (float)
// or 1e-14 (double) where the kernel sums in another order than the host loop.
#include "emu.h"
#include <random>
#include <string>
#include <algorithm>
#include <limits>
// The f32 or f64 entry point of a kernel, by T.
#define PICK(T, name) ([] { if constexpr (std::is_same_v<T, float>) return &name##_f32; else return &name##_f64; }())
extern "C" {
void fill_f32(float*, long long, float); void fill_f64(double*, long long, double);
void identity_f32(float*, int); void identity_f64(double*, int);
void transpose_f32(const float*, float*, int, int); void transpose_f64(const double*, double*, int, int);
void copy2d_f32(const float*, long long, int, float*, long long, int, int, int); void copy2d_f64(const double*, long long, int, double*, long long, int, int, int);
void diagonal_f32(const float*, float*, int, int); void diagonal_f64(const double*, double*, int, int);
void diagonal_matrix_f32(const float*, float*, int, int); void diagonal_matrix_f64(const double*, double*, int, int);
void scale_broadcast_f32(const float*, const float*, float*, int, int, int); void scale_broadcast_f64(const double*, const double*, double*, int, int, int);
void row_sums_f32(const float*, float*, int, int); void row_sums_f64(const double*, double*, int, int);
void diagonal_of_product_f32(const float*, const float*, float*, int, int); void diagonal_of_product_f64(const double*, const double*, double*, int, int);
void binary_f32(const float*, const float*, float*, long long, int); void binary_f64(const double*, const double*, double*, long long, int);
void scale_f32(const float*, float*, long long, float); void scale_f64(const double*, double*, long long, double);
void unary_f32(const float*, float*, long long, int); void unary_f64(const double*, double*, long long, int);
void power_f32(const float*, float*, long long, double); void power_f64(const double*, double*, long long, double);
void outer_f32(const float*, const float*, float*, int, int, int, int); void outer_f64(const double*, const double*, double*, int, int, int, int);
void off_diagonal_reciprocal_f32(const float*, float*, int, int); void off_diagonal_reciprocal_f64(const double*, double*, int, int);
void gather_f32(const float*, const int*, float*, long long); void gather_f64(const double*, const int*, double*, long long);
void choose_f32(const float*, double, const float*, const float*, float*, long long); void choose_f64(const double*, double, const double*, const double*, double*, long long);
void convert_f32(const float*, double*, long long); void convert_f64(const double*, float*, long long);
void dot_partial_f32(const float*, const float*, long long, float*); void dot_partial_f64(const double*, const double*, long long, double*);
void sum_partial_f32(const float*, long long, float*); void sum_partial_f64(const double*, long long, double*);
void max_abs_partial_f32(const float*, long long, float*); void max_abs_partial_f64(const double*, long long, double*);
void non_finite_partial_f32(const float*, long long, int*); void non_finite_partial_f64(const double*, long long, int*);
void count_partial(const int*, long long, int*);
void gemm_f32(const float*, const float*, float*, int, int, int, int, int, int); void gemm_f64(const double*, const double*, double*, int, int, int, int, int, int);
void patches_f32(const float*, float*, int, int, int, int, int, int, int, int); void patches_f64(const double*, double*, int, int, int, int, int, int, int, int);
void patches_adjoint_f32(const float*, float*, int, int, int, int, int, int, int, int); void patches_adjoint_f64(const double*, double*, int, int, int, int, int, int, int, int);
void window_sum_f32(const float*, float*, int, int, int, int, int, int); void window_sum_f64(const double*, double*, int, int, int, int, int, int);
void window_spread_f32(const float*, float*, int, int, int, int, int, int); void window_spread_f64(const double*, double*, int, int, int, int, int, int);
void window_argmax_mask_f32(const float*, float*, int, int, int, int, int, int); void window_argmax_mask_f64(const double*, double*, int, int, int, int, int, int);
}
static int failures = 0, checks = 0;
static std::mt19937_64 rng(7);
template <typename T> std::vector<T> rnd(long long n, double lo = -1, double hi = 1) {
    std::uniform_real_distribution<double> d(lo, hi); std::vector<T> v(n); for (auto& x : v) x = (T) d(rng); return v;
}
template <typename T> void expect(const std::string& what, const std::vector<T>& got, const std::vector<T>& want, double tol = 0) {
    ++checks;
    if (got.size() != want.size()) { printf("FAIL %s size %zu vs %zu\n", what.c_str(), got.size(), want.size()); ++failures; return; }
    double diff = 0, norm = 0; bool bad = false;
    for (size_t i = 0; i < got.size(); ++i) {
        double g = got[i], w = want[i];
        if (std::isnan(w) || std::isnan(g)) { if (std::isnan(w) != std::isnan(g)) { bad = true; printf("  nan mismatch at %zu: %g vs %g\n", i, g, w); } continue; }
        if (std::isinf(w) || std::isinf(g)) { if (g != w) bad = true; continue; }
        if (tol == 0 && (g != w || std::signbit(g) != std::signbit(w))) { if (!bad) printf("  at %zu: %.17g vs %.17g\n", i, g, w); bad = true; }
        diff += (g - w) * (g - w); norm += w * w;
    }
    double rel = std::sqrt(diff) / std::max(std::sqrt(norm), 1e-300);
    if (bad || rel > tol) { printf("FAIL %s rel %.3g\n", what.c_str(), rel); ++failures; }
}
static dim3 lin(long long n, int cap = 4096) { long long b = std::max(1LL, std::min<long long>(cap, (n + 255) / 256)); return {(unsigned) b, 1, 1}; }
static const dim3 B256{256, 1, 1}, BT{32, 8, 1};
static dim3 tiles(int rows, int cols, int cap = 65535, int count = 1) { return {(unsigned) std::max(1, std::min(cap, (cols + 31) / 32)), (unsigned) std::max(1, std::min(cap, (rows + 31) / 32)), (unsigned) std::min(cap, count)}; }
// Outer's op (0 DIFFERENCE, 1 SUM, 2 MIN, 3 MAX) with java.lang.Math.min/max's NaN and signed-zero rules.
static double outerRef(int op, double x, double y) {
    if (op == 0) return x - y;
    if (op == 1) return x + y;
    if (std::isnan(x) || std::isnan(y)) return NAN;
    if (x == 0 && y == 0) return op == 2 ? (std::signbit(x) || std::signbit(y) ? -0.0 : 0.0) : (std::signbit(x) && std::signbit(y) ? -0.0 : 0.0);
    return op == 2 ? std::min(x, y) : std::max(x, y);
}

template <typename T> void denseTests(const char* tn) {
    std::string P = tn;
    double tol = std::is_same_v<T, float> ? 1e-6 : 1e-14;
    { std::vector<T> out(1000, T(-7)); launch(lin(1000, 2), B256, [&] { PICK(T, fill)(out.data(), 1000, T(0.1)); });
      expect(P + " fill", out, std::vector<T>(1000, T(0.1))); }
    { int n = 37; std::vector<T> out(n * n), want(n * n); for (int i = 0; i < n; ++i) want[i * n + i] = 1;
      launch(lin(n * n, 3), B256, [&] { PICK(T, identity)(out.data(), n); }); expect(P + " identity", out, want); }
    for (auto [r, c, cap] : std::vector<std::tuple<int, int, int>>{{33, 65, 65535}, {1, 1, 65535}, {70, 31, 1}, {64, 64, 2}, {3, 100, 1}}) {
        auto a = rnd<T>(r * c); std::vector<T> out(r * c), want(r * c);
        for (int i = 0; i < r; ++i) for (int j = 0; j < c; ++j) want[j * r + i] = a[i * c + j];
        launch(tiles(r, c, cap), BT, [&] { PICK(T, transpose)(a.data(), out.data(), r, c); });
        expect(P + " transpose " + std::to_string(r) + "x" + std::to_string(c) + " cap" + std::to_string(cap), out, want);
    }
    { int r = 33, c = 65, r0 = 11, r1 = 33, c0 = 16, c1 = 65; auto a = rnd<T>(r * c); int br = r1 - r0, bc = c1 - c0;
      std::vector<T> out(br * bc), want(br * bc);
      for (int i = 0; i < br; ++i) for (int j = 0; j < bc; ++j) want[i * bc + j] = a[(i + r0) * c + j + c0];
      launch(lin(br * bc, 2), B256, [&] { PICK(T, copy2d)(a.data(), (long long) r0 * c + c0, c, out.data(), 0, bc, br, bc); });
      expect(P + " copy2d block", out, want);
      // hconcat of a (33x65) and side (33x3)
      auto side = rnd<T>(r * 3); std::vector<T> h(r * 68), hw(r * 68);
      for (int i = 0; i < r; ++i) { for (int j = 0; j < c; ++j) hw[i * 68 + j] = a[i * c + j]; for (int j = 0; j < 3; ++j) hw[i * 68 + 65 + j] = side[i * 3 + j]; }
      launch(lin(r * c), B256, [&] { PICK(T, copy2d)(a.data(), 0, c, h.data(), 0, 68, r, c); });
      launch(lin(r * 3), B256, [&] { PICK(T, copy2d)(side.data(), 0, 3, h.data(), 65, 68, r, 3); });
      expect(P + " copy2d hconcat", h, hw); }
    for (auto [r, c] : std::vector<std::pair<int, int>>{{5, 3}, {3, 5}, {1, 1}, {33, 65}}) {
        int k = std::min(r, c); auto a = rnd<T>(r * c); std::vector<T> d(k), dw(k);
        for (int i = 0; i < k; ++i) dw[i] = a[i * c + i];
        launch(lin(k), B256, [&] { PICK(T, diagonal)(a.data(), d.data(), r, c); }); expect(P + " diagonal", d, dw);
        std::vector<T> m(r * c, T(9)), mw(r * c); for (int i = 0; i < k; ++i) mw[i * c + i] = d[i];
        launch(lin(r * c, 1), B256, [&] { PICK(T, diagonal_matrix)(d.data(), m.data(), r, c); }); expect(P + " diagonal_matrix", m, mw);
        auto vr = rnd<T>(r), vc = rnd<T>(c); std::vector<T> sr(r * c), sc(r * c), srw(r * c), scw(r * c);
        for (int i = 0; i < r; ++i) for (int j = 0; j < c; ++j) { srw[i * c + j] = vr[i] * a[i * c + j]; scw[i * c + j] = a[i * c + j] * vc[j]; }
        launch(lin(r * c, 1), B256, [&] { PICK(T, scale_broadcast)(a.data(), vr.data(), sr.data(), r, c, 1); }); expect(P + " scaleRows", sr, srw);
        launch(lin(r * c, 1), B256, [&] { PICK(T, scale_broadcast)(a.data(), vc.data(), sc.data(), r, c, 0); }); expect(P + " scaleColumns", sc, scw);
        std::vector<T> od(r * c), odw(r * c); for (int i = 0; i < r; ++i) for (int j = 0; j < c; ++j) odw[i * c + j] = i == j ? T(0) : T(1) / a[i * c + j];
        launch(lin(r * c), B256, [&] { PICK(T, off_diagonal_reciprocal)(a.data(), od.data(), r, c); }); expect(P + " offDiagonalReciprocal", od, odw);
    }
    for (auto [r, c, blocks] : std::vector<std::tuple<int, int, int>>{{33, 65, 5}, {70, 1, 2}, {1, 100, 1}, {5, 0, 1}, {17, 33, 1}}) {
        auto a = rnd<T>(r * c); std::vector<T> s(r, T(5)), sw(r);
        for (int i = 0; i < r; ++i) { double t = 0; for (int j = 0; j < c; ++j) t += a[i * c + j]; sw[i] = (T) t; }
        launch({(unsigned) blocks, 1, 1}, B256, [&] { PICK(T, row_sums)(a.data(), s.data(), r, c); });
        expect(P + " row_sums " + std::to_string(r) + "x" + std::to_string(c), s, sw, tol);
        // diagonal of product: a r×c, b c×r
        auto b = rnd<T>(c * r); std::vector<T> d(r, T(5)), dw(r);
        for (int i = 0; i < r; ++i) { double t = 0; for (int j = 0; j < c; ++j) t += (double) a[i * c + j] * b[j * r + i]; dw[i] = (T) t; }
        launch({(unsigned) blocks, 1, 1}, B256, [&] { PICK(T, diagonal_of_product)(a.data(), b.data(), d.data(), r, c); });
        expect(P + " diagonal_of_product", d, dw, tol);
    }
    { long long n = 1234; auto a = rnd<T>(n), b = rnd<T>(n, 0.5, 2); std::vector<T> out(n), w(n);
      for (int op = 0; op < 4; ++op) {
          for (long long i = 0; i < n; ++i) w[i] = op == 0 ? a[i] + b[i] : op == 1 ? a[i] - b[i] : op == 2 ? a[i] * b[i] : a[i] / b[i];
          launch(lin(n, 2), B256, [&] { PICK(T, binary)(a.data(), b.data(), out.data(), n, op); }); expect(P + " binary " + std::to_string(op), out, w);
      }
      for (long long i = 0; i < n; ++i) w[i] = T(0.3) * a[i];
      launch(lin(n), B256, [&] { PICK(T, scale)(a.data(), out.data(), n, T(0.3)); }); expect(P + " scale", out, w);
      double (*fs[7])(double) = {[](double x) { return std::log(x); }, [](double x) { return std::log1p(x); }, [](double x) { return std::exp(x); },
          [](double x) { return std::expm1(x); }, [](double x) { return std::sqrt(x); }, [](double x) { return 1.0 / x; }, [](double x) { return std::fabs(x); }};
      for (int f = 0; f < 7; ++f) {
          const auto& in = (f == 2 || f == 3 || f == 6) ? a : b;
          for (long long i = 0; i < n; ++i) w[i] = (T) fs[f]((double) in[i]);
          launch(lin(n), B256, [&] { PICK(T, unary)(in.data(), out.data(), n, f); }); expect(P + " unary " + std::to_string(f), out, w);
      }
      for (long long i = 0; i < n; ++i) w[i] = (T) std::pow((double) b[i], 1.7);
      launch(lin(n), B256, [&] { PICK(T, power)(b.data(), out.data(), n, 1.7); }); expect(P + " power", out, w);
      std::vector<T> sp{T(1), T(-1), T(2), T(NAN)}, spo(4);
      launch(lin(4), B256, [&] { PICK(T, power)(sp.data(), spo.data(), 4, INFINITY); });
      expect(P + " power java inf", spo, std::vector<T>{T(NAN), T(NAN), T(INFINITY), T(NAN)});
      launch(lin(4), B256, [&] { PICK(T, power)(sp.data(), spo.data(), 4, NAN); });
      expect(P + " power java nan", spo, std::vector<T>(4, T(NAN)));
      launch(lin(4), B256, [&] { PICK(T, power)(sp.data(), spo.data(), 4, 0.0); });
      expect(P + " power zero", spo, std::vector<T>(4, T(1)));
      // choose
      auto c = rnd<T>(n); for (long long i = 0; i < n; ++i) w[i] = (double) c[i] <= 0.1 ? a[i] : b[i];
      launch(lin(n), B256, [&] { PICK(T, choose)(c.data(), 0.1, a.data(), b.data(), out.data(), n); }); expect(P + " choose", out, w);
      // gather: a reversed, strided selection with repeats, every fifth entry a zero (index -1)
      std::vector<int> index(n); for (long long i = 0; i < n; ++i) index[i] = i % 5 == 2 ? -1 : (int) ((n - 1 - i) * 7 % n);
      for (long long i = 0; i < n; ++i) w[i] = index[i] < 0 ? T(0) : a[index[i]];
      launch(lin(n), B256, [&] { PICK(T, gather)(a.data(), index.data(), out.data(), n); }); expect(P + " gather", out, w);
    }
    { std::vector<T> v{T(1), T(-0.0), T(0.0), T(NAN), T(-2)}, u{T(0.0), T(-0.0), T(3), T(1)}; int n = 5, k = 4;
      std::vector<T> out(n * k), w(n * k);
      for (int op = 0; op < 4; ++op) {
          for (int i = 0; i < n; ++i) for (int j = 0; j < k; ++j) w[i * k + j] = (T) outerRef(op, v[i], u[j]);
          launch(lin(n * k), B256, [&] { PICK(T, outer)(v.data(), u.data(), out.data(), n, k, op, 1); }); expect(P + " outer " + std::to_string(op), out, w);
      }
    }
    // outerBlocks: a stack of 3 tables in one launch, table b from block b of each vector (special
    // values in every block), equal to the host loop and to a lone launch on that block's vectors.
    for (auto [n, k, cap] : std::vector<std::tuple<int, int, int>>{{5, 4, 4096}, {7, 3, 1}, {1, 9, 4096}, {0, 4, 4096}}) {
        const int count = 3; auto v = rnd<T>(count * n), u = rnd<T>(count * k);
        for (int b = 0; b < count && n > 1 && k > 1; ++b) { v[b * n] = T(-0.0); u[b * k] = T(0.0); v[b * n + 1] = T(NAN); }
        for (int op = 0; op < 4; ++op) {
            std::vector<T> out(count * n * k, T(9)), w(count * n * k), lone(n * k), stacked;
            for (int b = 0; b < count; ++b) for (int i = 0; i < n; ++i) for (int j = 0; j < k; ++j)
                w[(b * n + i) * k + j] = (T) outerRef(op, v[b * n + i], u[b * k + j]);
            launch(lin(count * n * k, cap), B256, [&] { PICK(T, outer)(v.data(), u.data(), out.data(), n, k, op, count); });
            std::string what = P + " outerBlocks " + std::to_string(n) + "x" + std::to_string(k) + " op" + std::to_string(op) + " count3 cap" + std::to_string(cap);
            expect(what, out, w);
            for (int b = 0; b < count; ++b) {
                launch(lin(n * k), B256, [&] { PICK(T, outer)(v.data() + b * n, u.data() + b * k, lone.data(), n, k, op, 1); });
                stacked.insert(stacked.end(), lone.begin(), lone.end());
            }
            expect(what + " = lone tables", out, stacked);
        }
    }
    // Pass 1 on grids capped at 4 blocks, so the 100000-entry case walks its grid stride; pass 2 on
    // more partials than threads follows below.
    for (long long n : {0LL, 1LL, 1000LL, 100000LL}) {
        auto a = rnd<T>(n), b = rnd<T>(n); long double exact = 0; double mx = 0;
        for (long long i = 0; i < n; ++i) { exact += (long double) a[i] * b[i]; mx = std::max(mx, (double) std::fabs(a[i])); }
        dim3 g = lin(n, 4); std::vector<T> part(g.x), tot(1);
        launch(g, B256, [&] { PICK(T, dot_partial)(a.data(), b.data(), n, part.data()); });
        launch({1, 1, 1}, B256, [&] { PICK(T, sum_partial)(part.data(), g.x, tot.data()); });
        double sumAbs = 0; for (long long i = 0; i < n; ++i) sumAbs += std::fabs((double) a[i] * b[i]);
        ++checks; if (std::fabs((double) tot[0] - (double) exact) > 1e-5 * sumAbs + 1e-300) { printf("FAIL %s dot n=%lld %g vs %g\n", tn, n, (double) tot[0], (double) exact); ++failures; }
        launch(g, B256, [&] { PICK(T, max_abs_partial)(a.data(), n, part.data()); });
        launch({1, 1, 1}, B256, [&] { PICK(T, max_abs_partial)(part.data(), g.x, tot.data()); });
        expect(P + " maxAbs n=" + std::to_string(n), tot, std::vector<T>{(T) mx});
        if (n >= 1000) { a[n / 3] = T(NAN); a[n - 1] = T(-INFINITY); a[7] = T(INFINITY); }
        std::vector<int> ip(g.x), it(1);
        launch(g, B256, [&] { PICK(T, non_finite_partial)(a.data(), n, ip.data()); });
        launch({1, 1, 1}, B256, [&] { count_partial(ip.data(), g.x, it.data()); });
        ++checks; if (it[0] != (n >= 1000 ? 3 : 0)) { printf("FAIL %s nonfinite %d\n", tn, it[0]); ++failures; }
        if (n >= 1000) {
            launch(g, B256, [&] { PICK(T, max_abs_partial)(a.data(), n, part.data()); });
            launch({1, 1, 1}, B256, [&] { PICK(T, max_abs_partial)(part.data(), g.x, tot.data()); });
            ++checks; if (!std::isnan((double) tot[0])) { printf("FAIL %s maxAbs NaN -> %g\n", tn, (double) tot[0]); ++failures; }
        }
    }
    { // pass 2 alone, one block folding 300 partials (more than its 256 threads)
      long long g = 300; auto part = rnd<T>(g); std::vector<T> tot(1); double sum = 0, sumAbs = 0, mx = 0;
      for (T x : part) { sum += x; sumAbs += std::fabs((double) x); mx = std::max(mx, (double) std::fabs(x)); }
      launch({1, 1, 1}, B256, [&] { PICK(T, sum_partial)(part.data(), g, tot.data()); });
      ++checks; if (std::fabs((double) tot[0] - sum) > 1e-6 * sumAbs) { printf("FAIL %s sum_partial %g vs %g\n", tn, (double) tot[0], sum); ++failures; }
      launch({1, 1, 1}, B256, [&] { PICK(T, max_abs_partial)(part.data(), g, tot.data()); });
      expect(P + " max_abs_partial 300", tot, std::vector<T>{(T) mx});
      part[299] = T(NAN);
      launch({1, 1, 1}, B256, [&] { PICK(T, max_abs_partial)(part.data(), g, tot.data()); });
      ++checks; if (!std::isnan((double) tot[0])) { printf("FAIL %s max_abs_partial NaN in last partial -> %g\n", tn, (double) tot[0]); ++failures; }
      std::vector<int> counts(g), total(1); int want = 0; for (long long i = 0; i < g; ++i) { counts[i] = (int) (i % 3); want += counts[i]; }
      launch({1, 1, 1}, B256, [&] { count_partial(counts.data(), g, total.data()); });
      ++checks; if (total[0] != want) { printf("FAIL %s count_partial %d vs %d\n", tn, total[0], want); ++failures; }
    }
    { auto a = rnd<T>(100); std::vector<T> out(100); std::vector<std::conditional_t<std::is_same_v<T, float>, double, float>> conv(100), cw(100);
      for (int i = 0; i < 100; ++i) cw[i] = (decltype(cw[0] + 0)) a[i];
      launch(lin(100), B256, [&] { PICK(T, convert)(a.data(), conv.data(), 100); }); expect(P + " convert", conv, cw); }
    for (auto [m, n, k] : std::vector<std::tuple<int, int, int>>{{33, 65, 70}, {1, 1, 1}, {64, 64, 64}, {5, 3, 0}, {70, 31, 33}, {2, 40, 3}}) {
        for (int ta = 0; ta < 2; ++ta) for (int tb = 0; tb < 2; ++tb) for (int cap : {65535, 1}) {
            auto a = rnd<T>(m * k), b = rnd<T>(k * n); std::vector<T> c(m * n, T(9)), cw(m * n);
            for (int i = 0; i < m; ++i) for (int j = 0; j < n; ++j) { double s = 0;
                for (int q = 0; q < k; ++q) s += (double) (ta ? a[q * m + i] : a[i * k + q]) * (tb ? b[j * k + q] : b[q * n + j]);
                cw[i * n + j] = (T) s; }
            launch(tiles(m, n, cap), BT, [&] { PICK(T, gemm)(a.data(), b.data(), c.data(), m, n, k, ta, tb, 1); });
            expect(P + " gemm " + std::to_string(m) + "," + std::to_string(n) + "," + std::to_string(k) + " t" + std::to_string(ta) + std::to_string(tb) + " cap" + std::to_string(cap), c, cw, tol);
        }
    }
    // multBlocks: count products in one launch (z over the blocks, capped grids walking them), each
    // block equal to the host loop and bit for bit to a lone launch on that block's operands.
    for (auto [m, n, k] : std::vector<std::tuple<int, int, int>>{{33, 65, 70}, {1, 1, 1}, {5, 3, 0}, {70, 31, 33}, {2, 40, 3}, {7, 5, 9}}) {
        for (int count : {1, 3}) for (int ta = 0; ta < 2; ++ta) for (int tb = 0; tb < 2; ++tb) for (int cap : {65535, 1}) {
            auto a = rnd<T>(count * m * k), b = rnd<T>(count * k * n); std::vector<T> c(count * m * n, T(9)), cw(count * m * n), lone(m * n), stacked;
            for (int p = 0; p < count; ++p) {
                const T* ap = a.data() + p * m * k; const T* bp = b.data() + p * k * n;
                for (int i = 0; i < m; ++i) for (int j = 0; j < n; ++j) { double s = 0;
                    for (int q = 0; q < k; ++q) s += (double) (ta ? ap[q * m + i] : ap[i * k + q]) * (tb ? bp[j * k + q] : bp[q * n + j]);
                    cw[(p * m + i) * n + j] = (T) s; }
                launch(tiles(m, n), BT, [&] { PICK(T, gemm)(ap, bp, lone.data(), m, n, k, ta, tb, 1); });
                stacked.insert(stacked.end(), lone.begin(), lone.end());
            }
            launch(tiles(m, n, cap, count), BT, [&] { PICK(T, gemm)(a.data(), b.data(), c.data(), m, n, k, ta, tb, count); });
            std::string what = P + " multBlocks " + std::to_string(m) + "," + std::to_string(n) + "," + std::to_string(k) + " t" + std::to_string(ta) + std::to_string(tb)
                + " count" + std::to_string(count) + " cap" + std::to_string(cap);
            expect(what, c, cw, tol);
            expect(what + " = lone products", c, stacked);
        }
    }
}

// HostImageOps, transcribed loop for loop, on each image of a stack of count images alone, the
// results stacked in order: the kernels must give exactly that in one launch over the whole stack.
template <typename T> void imageTests(const char* tn) {
    std::string P = tn;
    // height, width, channels, kernel, padding, window height and width: odd and non-square shapes,
    // padding 0 to 2, windows from 1×1 through 2×2 to the whole image.
    int cases[][7] = {{1, 1, 1, 1, 0, 1, 1}, {4, 6, 3, 3, 1, 2, 3}, {8, 8, 5, 3, 1, 2, 2}, {9, 7, 2, 2, 0, 3, 7}, {6, 10, 4, 5, 2, 3, 5},
                      {5, 5, 2, 3, 0, 5, 1}, {6, 4, 3, 3, 1, 2, 2}, {5, 7, 3, 3, 1, 5, 7}, {7, 5, 1, 2, 0, 7, 5}, {6, 6, 3, 3, 0, 2, 2}};
    for (auto& cs : cases) for (int count : {1, 3}) {
        int H = cs[0], W = cs[1], C = cs[2], k = cs[3], p = cs[4], kh = cs[5], kw = cs[6];
        int oh = H + 2 * p - k + 1, ow = W + 2 * p - k + 1, width = k * k * C;
        int size = H * W * C, patchSize = oh * ow * width, pw = W / kw, ph = H / kh, pooledSize = ph * pw * C;
        std::string what = " " + std::to_string(H) + "x" + std::to_string(W) + "x" + std::to_string(C) + " k" + std::to_string(k)
            + " p" + std::to_string(p) + " w" + std::to_string(kh) + "x" + std::to_string(kw) + " count" + std::to_string(count);
        auto x = rnd<T>(count * size);
        auto pin = rnd<T>(count * patchSize);
        std::vector<T> cols(count * patchSize), colsw(count * patchSize);
        std::vector<double> back(count * size);
        for (int n = 0; n < count; ++n) {
            const T* xn = x.data() + n * size; const T* pn = pin.data() + n * patchSize;
            T* cn = colsw.data() + n * patchSize; double* bn = back.data() + n * size;
            for (int oy = 0; oy < oh; ++oy) for (int ox = 0; ox < ow; ++ox) { int row = (oy * ow + ox) * width;
                for (int dy = 0; dy < k; ++dy) { int y = oy + dy - p; if (y < 0 || y >= H) continue;
                    for (int dx = 0; dx < k; ++dx) { int xx = ox + dx - p; if (xx >= 0 && xx < W) {
                        int po = row + (dy * k + dx) * C, pix = (y * W + xx) * C;
                        for (int ch = 0; ch < C; ++ch) { cn[po + ch] = xn[pix + ch]; bn[pix + ch] += pn[po + ch]; } } } } }
        }
        launch(lin(cols.size(), 2), B256, [&] { PICK(T, patches)(x.data(), cols.data(), count, H, W, C, k, p, oh, ow); });
        expect(P + " patches" + what, cols, colsw);
        std::vector<T> adj(count * size), adjw(count * size); for (size_t i = 0; i < adj.size(); ++i) adjw[i] = (T) back[i];
        launch(lin(adj.size(), 1), B256, [&] { PICK(T, patches_adjoint)(pin.data(), adj.data(), count, H, W, C, k, p, oh, ow); });
        expect(P + " patchesAdjoint" + what, adj, adjw);
        for (size_t i = 0; i < x.size(); i += 7) x[i] = T(0.5);  // ties
        auto g = rnd<T>(count * pooledSize);
        std::vector<double> ys(count * pooledSize); std::vector<T> spreadw(count * size); std::vector<int> best(count * pooledSize, -1);
        for (int n = 0; n < count; ++n) {
            const T* xn = x.data() + n * size; const T* gn = g.data() + n * pooledSize;
            double* yn = ys.data() + n * pooledSize; T* sn = spreadw.data() + n * size; int* bn = best.data() + n * pooledSize;
            for (int yy = 0; yy < H; ++yy) for (int xx = 0; xx < W; ++xx) { int o = ((yy / kh) * pw + xx / kw) * C, i = (yy * W + xx) * C;
                for (int ch = 0; ch < C; ++ch) { yn[o + ch] += xn[i + ch]; sn[i + ch] = gn[o + ch];
                    if (bn[o + ch] < 0 || xn[i + ch] > xn[bn[o + ch]]) bn[o + ch] = i + ch; } }
        }
        std::vector<T> sum(count * pooledSize), sumw(count * pooledSize), spread(count * size), mask(count * size), maskw(count * size);
        for (size_t i = 0; i < sum.size(); ++i) sumw[i] = (T) ys[i];
        for (size_t o = 0; o < best.size(); ++o) maskw[o / pooledSize * size + best[o]] = 1;
        launch(lin(sum.size()), B256, [&] { PICK(T, window_sum)(x.data(), sum.data(), count, H, W, C, kh, kw); }); expect(P + " windowSum" + what, sum, sumw);
        launch(lin(spread.size()), B256, [&] { PICK(T, window_spread)(g.data(), spread.data(), count, H, W, C, kh, kw); }); expect(P + " windowSpread" + what, spread, spreadw);
        launch(lin(mask.size(), 1), B256, [&] { PICK(T, window_argmax_mask)(x.data(), mask.data(), count, H, W, C, kh, kw); }); expect(P + " windowArgMaxMask" + what, mask, maskw);
    }
}

int main() {
    denseTests<float>("f32"); denseTests<double>("f64");
    imageTests<float>("f32"); imageTests<double>("f64");
    printf("%d checks, %d failures\n", checks, failures);
    return failures != 0;
}

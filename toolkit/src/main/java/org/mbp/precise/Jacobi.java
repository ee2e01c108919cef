package org.mbp.precise;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.CalculusFieldElement;
import org.mbp.backend.RoundRobinOrdering;

/**
 * Jacobi methods over any Hipparchus field, in the parallel (round-robin) ordering: each round
 * rotates n/2 disjoint index pairs at once, so a round is data-parallel and the result does not
 * depend on the number of threads. Both refine a nearly diagonal start quadratically, which is
 * how {@link FieldOps} reaches working precision from a double decomposition.
 *
 * <p>With forward-mode numbers every pair is rotated in every round (an off-diagonal value that
 * is already tiny may still carry a derivative); with plain numbers ({@code skipConverged})
 * pairs already converged are left alone, the classical threshold strategy. Once every pair is
 * converged one more sweep is made, so that derivative parts converge along with the values.
 */
final class Jacobi {

    /** Sweeps allowed before giving up; quadratic convergence needs a handful. */
    static final int MAX_SWEEPS = 60;

    private Jacobi() {
    }

    /**
     * The convergence tolerance for vectors of length n: rounding leaves each rotated entry a few
     * ε (times √n for accumulated inner products) off zero, so asking for ε itself would never end.
     */
    static double tolerance(int n, double epsilon) {
        return 8 * Math.sqrt(Math.max(n, 1)) * epsilon;
    }

    /** The pairs (p &lt; q) of each round of the {@link RoundRobinOrdering} of order n, dummy pairs left out. */
    static int[][][] rounds(int n) {
        if (n < 2) {
            return new int[0][][];
        }
        RoundRobinOrdering ordering = new RoundRobinOrdering(n);
        int[][][] rounds = new int[ordering.rounds()][][];
        for (int r = 0; r < rounds.length; r++) {
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < ordering.pairsPerRound(); i++) {
                if (!ordering.isDummy(r, i)) {
                    pairs.add(new int[] {ordering.first(r, i), ordering.second(r, i)});
                }
            }
            rounds[r] = pairs.toArray(int[][]::new);
        }
        return rounds;
    }

    /**
     * Diagonalises the symmetric n×n matrix {@code a} (row-major, overwritten) by two-sided
     * rotations {@code A ← Jᵀ A J}, accumulating {@code V ← V J} into the n×n row-major
     * {@code v}. On return the diagonal of {@code a} holds the eigenvalues and the columns of
     * {@code v} the eigenvectors.
     */
    static <T extends CalculusFieldElement<T>> void symmetric(T[] a, T[] v, int n, double tolerance,
            boolean skipConverged) {
        int[][][] rounds = rounds(n);
        double norm = 0;
        for (T x : a) {
            norm += x.getReal() * x.getReal();
        }
        double noise = tolerance * tolerance * Math.sqrt(norm);
        boolean settled = false;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double worst = 0;
            for (int[][] pairs : rounds) {
                worst = Math.max(worst, symmetricRound(a, v, n, pairs, noise, noise / tolerance,
                        skipConverged ? tolerance : -1));
            }
            if (settled) {
                return;
            }
            settled = worst <= tolerance;
        }
        throw new ArithmeticException("Jacobi eigenvalue iteration did not converge in " + MAX_SWEEPS
                + " sweeps");
    }

    /**
     * One round; returns the largest rotation angle |tan θ| the pairs needed. An angle below
     * the tolerance moves the eigenvectors by less than the tolerance whatever the gap, which is
     * what clustered eigenvalues need (a test against the diagonal alone would stop early there).
     * Off-diagonal entries at or below {@code noise} (tolerance² · ‖A‖) count as converged, so
     * that exactly tied or zero eigenvalues end too; so does a pair that is a tie at working
     * precision ({@code tieScale} = tolerance · ‖A‖ bounds both its off-diagonal entry and its
     * diagonal difference): its eigenvalues are right to the backward error any stable method
     * has, and any basis of its span is as good as another.
     */
    private static <T extends CalculusFieldElement<T>> double symmetricRound(T[] a, T[] v, int n,
            int[][] pairs, double noise, double tieScale, double skipBelow) {
        int k = pairs.length;
        @SuppressWarnings("unchecked")
        T[][] cs = (T[][]) new CalculusFieldElement<?>[k][];
        double worst = 0;
        for (int i = 0; i < k; i++) {
            int p = pairs[i][0];
            int q = pairs[i][1];
            T apq = a[p * n + q];
            boolean quiet = Math.abs(apq.getReal()) <= noise;
            if (quiet && skipBelow >= 0) {
                continue;
            }
            T app = a[p * n + p];
            T aqq = a[q * n + q];
            T[] rotation = rotation(app, aqq, apq);
            boolean tie = Math.abs(apq.getReal()) <= tieScale && Math.abs(aqq.getReal() - app.getReal()) <= tieScale;
            double angle = rotation == null || quiet || tie ? 0 : Math.abs(rotation[2].getReal());
            worst = Math.max(worst, angle);
            cs[i] = angle <= skipBelow ? null : rotation;
        }
        // rows: A ← Jᵀ A, pair by pair (disjoint rows)
        IntStream.range(0, k).parallel().forEach(i -> {
            if (cs[i] != null) {
                rotate(a, pairs[i][0] * n, pairs[i][1] * n, 1, n, cs[i][0], cs[i][1]);
            }
        });
        // columns: A ← A J and V ← V J (disjoint columns)
        IntStream.range(0, k).parallel().forEach(i -> {
            if (cs[i] != null) {
                rotate(a, pairs[i][0], pairs[i][1], n, n, cs[i][0], cs[i][1]);
                rotate(v, pairs[i][0], pairs[i][1], n, n, cs[i][0], cs[i][1]);
            }
        });
        // the rotated entries are zero by construction; keep A exactly symmetric (the upper
        // triangle is the truth), or rounding would leave the two halves apart
        T zero = a[0].getField().getZero();
        for (int i = 0; i < k; i++) {
            if (cs[i] != null) {
                a[pairs[i][0] * n + pairs[i][1]] = zero;
            }
        }
        IntStream.range(0, n).parallel().forEach(r -> {
            for (int c = r + 1; c < n; c++) {
                a[c * n + r] = a[r * n + c];
            }
        });
        return worst;
    }

    /**
     * One-sided (Hestenes) Jacobi: rotates pairs of columns of the m×n row-major {@code g}
     * (overwritten) until they are mutually orthogonal, accumulating the rotations into the n×n
     * row-major {@code v}. Then {@code G = A V} has orthogonal columns whose norms are the
     * singular values.
     */
    static <T extends CalculusFieldElement<T>> void oneSided(T[] g, T[] v, int m, int n, double tolerance,
            boolean skipConverged) {
        int[][][] rounds = rounds(n);
        double norm = 0;
        for (T x : g) {
            norm += x.getReal() * x.getReal();
        }
        double noise = tolerance * tolerance * norm;
        boolean settled = false;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double worst = 0;
            for (int[][] pairs : rounds) {
                double[] roundWorst = new double[pairs.length];
                IntStream.range(0, pairs.length).parallel().forEach(i -> {
                    roundWorst[i] = orthogonalize(g, v, m, n, pairs[i][0], pairs[i][1], noise,
                            skipConverged ? tolerance : -1);
                });
                for (double w : roundWorst) {
                    worst = Math.max(worst, w);
                }
            }
            if (settled) {
                return;
            }
            settled = worst <= tolerance;
        }
        throw new ArithmeticException("one-sided Jacobi SVD did not converge in " + MAX_SWEEPS + " sweeps");
    }

    /**
     * Rotates columns p and q of g (and v) to be orthogonal; returns their relative cosine
     * {@code |g_p·g_q| / (‖g_p‖ ‖g_q‖)}, the classical measure (it gives small singular values
     * to high relative accuracy, and vectors of clustered ones to tolerance/gap, which is what
     * rounding of the columns allows anyway). Inner products at or below {@code noise} count as
     * converged.
     */
    private static <T extends CalculusFieldElement<T>> double orthogonalize(T[] g, T[] v, int m, int n,
            int p, int q, double noise, double skipBelow) {
        T alpha = g[p].getField().getZero();
        T beta = alpha;
        T gamma = alpha;
        for (int r = 0; r < m; r++) {
            T gp = g[r * n + p];
            T gq = g[r * n + q];
            alpha = alpha.add(gp.multiply(gp));
            beta = beta.add(gq.multiply(gq));
            gamma = gamma.add(gp.multiply(gq));
        }
        boolean quiet = Math.abs(gamma.getReal()) <= noise;
        double scale = Math.sqrt(alpha.getReal() * beta.getReal());
        double cosine = quiet || scale == 0 ? 0 : Math.abs(gamma.getReal()) / scale;
        if ((quiet || cosine <= skipBelow) && skipBelow >= 0) {
            return cosine;
        }
        T[] rotation = rotation(alpha, beta, gamma);
        if (rotation != null) {
            rotate(g, p, q, n, m, rotation[0], rotation[1]);
            rotate(v, p, q, n, n, rotation[0], rotation[1]);
        }
        return cosine;
    }

    /**
     * (c, s) of the rotation that zeroes the off-diagonal of {@code [[app, apq], [apq, aqq]]}
     * (Golub and Van Loan, Alg. 8.4.1), with {@code t = tan θ} in the form
     * {@code t = 2 apq / (Δ + sign(Δ) √(Δ² + 4 apq²))}, {@code Δ = aqq − app}: algebraically
     * GVL's {@code sign(τ)/(|τ| + √(1 + τ²))}, {@code τ = Δ/(2 apq)}, but without dividing by
     * apq, so a vanishing off-diagonal entry gives a vanishing angle with finite forward-mode
     * derivatives; {@code c = 1/√(1 + t²)}, {@code s = t c}; returns {@code (c, s, t)}. Returns
     * null, rotating nothing, only
     * when apq and Δ are both exactly zero (a tie with no coupling: no angle is defined).
     */
    private static <T extends CalculusFieldElement<T>> T[] rotation(T app, T aqq, T apq) {
        T delta = aqq.subtract(app);
        if (apq.getReal() == 0 && delta.getReal() == 0) {
            return null;
        }
        T root = delta.multiply(delta).add(apq.multiply(apq).multiply(4)).sqrt();
        T t = apq.multiply(2).divide(delta.getReal() >= 0 ? delta.add(root) : delta.subtract(root));
        T c = t.multiply(t).add(1).sqrt().reciprocal();
        T[] cs = org.hipparchus.util.MathArrays.buildArray(app.getField(), 3);
        cs[0] = c;
        cs[1] = t.multiply(c);
        cs[2] = t;
        return cs;
    }

    /**
     * Applies {@code (x, y) ← (c x − s y, s x + c y)} to the two strided lines of {@code m}
     * starting at {@code first} and {@code second} with the given stride and length: rows when
     * the stride is 1, columns when it is the row length.
     */
    private static <T extends CalculusFieldElement<T>> void rotate(T[] m, int first, int second,
            int stride, int length, T c, T s) {
        for (int i = 0; i < length; i++) {
            int x = first + i * stride;
            int y = second + i * stride;
            T mx = m[x];
            T my = m[y];
            m[x] = c.multiply(mx).subtract(s.multiply(my));
            m[y] = s.multiply(mx).add(c.multiply(my));
        }
    }
}

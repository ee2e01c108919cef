package org.mbp.devicecheck.jacobi;

/**
 * Rutishauser's Jacobi rotation (Rutishauser, "The Jacobi method for real symmetric matrices",
 * Numer. Math. 9 (1966)) with the exact arithmetic of {@code rotation()} and
 * {@code rotate_pair()} in {@code jacobi.cu}: Java's {@code *, +, −, /} and
 * {@link Math#sqrt} are the correctly rounded IEEE operations the kernel spells as
 * {@code __dmul_rn}, {@code __dadd_rn}, {@code __dsub_rn}, {@code __ddiv_rn}, {@code __dsqrt_rn}.
 */
final class JacobiRotation {

    /** Above this |θ|, θ² could overflow and t = 1/(2θ) is used (equal to rounding beyond 1e8). */
    static final double HUGE_THETA = 1e150;

    private JacobiRotation() {
    }

    /**
     * The rotation annihilating {@code off} in the 2×2 problem with diagonal difference
     * {@code diff}: θ = diff/(2·off), t = sign(θ)/(|θ| + √(θ²+1)) with sign(θ) = +1 for θ ≥ 0,
     * c = 1/√(1+t²), s = t·c, written to {@code cs[0..1]}.
     *
     * @return false (cs untouched) when t is zero, i.e. the rotation is the identity
     */
    static boolean compute(double diff, double off, double[] cs) {
        double theta = diff / (2.0 * off);
        double magnitude = Math.abs(theta);
        double t;
        if (magnitude > HUGE_THETA) {
            t = 1.0 / (2.0 * theta);
        } else {
            t = (theta >= 0.0 ? 1.0 : -1.0) / (magnitude + Math.sqrt(theta * theta + 1.0));
        }
        if (t == 0.0) {
            return false;
        }
        double c = 1.0 / Math.sqrt(1.0 + t * t);
        cs[0] = c;
        cs[1] = t * c;
        return true;
    }

    /** x' = c·x − s·y, y' = s·x + c·y on {@code data[i]} (x) and {@code data[j]} (y). */
    static void apply(double[] data, int i, int j, double c, double s) {
        double x = data[i];
        double y = data[j];
        data[i] = c * x - s * y;
        data[j] = s * x + c * y;
    }
}

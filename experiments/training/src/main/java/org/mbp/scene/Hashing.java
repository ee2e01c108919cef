package org.mbp.scene;

/**
 * Stateless pseudo-random numbers for textures and seed derivation: the SplitMix64 finaliser
 * (Steele, Lea and Flood 2014) applied to coordinates, so a value depends only on its inputs.
 * Everything here is integer or IEEE arithmetic, hence bit-for-bit reproducible on any JVM.
 */
final class Hashing {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    /** The SplitMix64 finaliser: a bijective, well-mixing map of 64-bit words. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The {@code index}-th seed of a stream started from {@code base}. */
    static long derive(long base, long index) {
        return mix64(base + (index + 1) * GOLDEN);
    }

    /** A number in [0, 1) determined by a seed and integer coordinates. */
    static float unit(long seed, int x, int y) {
        long h = mix64(seed ^ mix64(x * GOLDEN + y * 0xC2B2AE3D27D4EB4FL));
        return (h >>> 40) * 0x1.0p-24f;
    }

    /**
     * Value noise in [0, 1): hashed values on an integer lattice of spacing {@code scale} pixels,
     * interpolated with the smoothstep weight {@code 3t² − 2t³} along each axis.
     */
    static float valueNoise(long seed, double x, double y, double scale) {
        double u = x / scale;
        double v = y / scale;
        int i = (int) Math.floor(u);
        int j = (int) Math.floor(v);
        double fu = smooth(u - i);
        double fv = smooth(v - j);
        double top = unit(seed, i, j) * (1 - fu) + unit(seed, i + 1, j) * fu;
        double bottom = unit(seed, i, j + 1) * (1 - fu) + unit(seed, i + 1, j + 1) * fu;
        return (float) (top * (1 - fv) + bottom * fv);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}

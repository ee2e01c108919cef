package org.mbp.scene;

import java.util.List;
import java.util.Random;

/**
 * The procedural texture family of the synthetic scenes, and a seeded random draw from it.
 *
 * <p>Two-colour textures ({@link Stripes}, {@link Checker}, {@link Dots}, {@link Gradient},
 * {@link Clouds}, {@link Rings}, {@link Grid}, {@link Speckle}) and {@link Flat} colour with
 * noise. {@link #random} draws colours from a fixed {@link #PALETTE}, and a flat texture takes
 * the mean of a palette pair, so the same mean colour recurs with different patterns (a checker
 * and stripes of the same two colours, or their flat mean): a pixel's colour alone does not
 * tell textures apart, local pattern statistics do. Angles are in radians; trigonometry uses
 * {@link StrictMath}, so textures are bit-for-bit reproducible across JVMs.
 */
public final class Textures {

    /** The colours textures are drawn from. */
    public static final List<Rgb> PALETTE = List.of(
            new Rgb(0.85f, 0.20f, 0.18f), new Rgb(0.95f, 0.60f, 0.15f), new Rgb(0.95f, 0.90f, 0.30f),
            new Rgb(0.30f, 0.70f, 0.25f), new Rgb(0.15f, 0.55f, 0.55f), new Rgb(0.20f, 0.35f, 0.85f),
            new Rgb(0.55f, 0.25f, 0.70f), new Rgb(0.95f, 0.55f, 0.75f), new Rgb(0.50f, 0.32f, 0.15f),
            new Rgb(0.55f, 0.55f, 0.55f), new Rgb(0.92f, 0.92f, 0.88f), new Rgb(0.12f, 0.12f, 0.15f));

    /** The number of texture kinds {@link #random} draws from. */
    public static final int KINDS = 9;

    private Textures() {
    }

    /**
     * A texture of a kind drawn uniformly from the {@link #KINDS} kinds, with two distinct
     * palette colours and pattern parameters (period, angle, scale) drawn from ranges suited
     * to images of 32–128 pixels.
     *
     * @param rng the rng
     * @return a texture of a kind drawn uniformly from the {@link #KINDS} kinds, with two distinct
     *         palette colours and pattern parameters (period, angle, scale) drawn from ranges suited to
     *         images of 32–128 pixels
     */
    public static Texture random(Random rng) {
        int first = rng.nextInt(PALETTE.size());
        int second = (first + 1 + rng.nextInt(PALETTE.size() - 1)) % PALETTE.size();
        Rgb a = PALETTE.get(first);
        Rgb b = PALETTE.get(second);
        double angle = rng.nextDouble() * Math.PI;
        return switch (rng.nextInt(KINDS)) {
            case 0 -> new Flat(a.mix(b, 0.5f), 0.08f, rng.nextLong());
            case 1 -> new Stripes(a, b, angle, 4 + 6 * rng.nextDouble());
            case 2 -> new Checker(a, b, angle, 3 + 4 * rng.nextDouble());
            case 3 -> new Dots(a, b, 5 + 4 * rng.nextDouble(), 0.3 + 0.15 * rng.nextDouble());
            case 4 -> new Gradient(a, b, angle, 16 + 32 * rng.nextDouble());
            case 5 -> new Clouds(a, b, 6 + 10 * rng.nextDouble(), rng.nextLong());
            case 6 -> new Rings(a, b, 64 * rng.nextDouble(), 64 * rng.nextDouble(), 4 + 5 * rng.nextDouble());
            case 7 -> new Grid(a, b, 5 + 5 * rng.nextDouble(), 1 + rng.nextDouble());
            default -> new Speckle(a, b, 0.25f + 0.25f * rng.nextFloat(), rng.nextLong());
        };
    }

    /** A uniform colour plus per-pixel grey noise uniform in [−amplitude, amplitude], clamped to [0, 1]. */
    public record Flat(Rgb colour, float amplitude, long seed) implements Texture {

        /**
         * Checks that the amplitude lies in [0, 1].
         *
         * @param colour the colour
         * @param amplitude the amplitude
         * @param seed the random seed
         */
        public Flat {
            requireIn("noise amplitude", amplitude, 0, 1);
        }

        @Override
        public void colourAt(int x, int y, float[] out, int offset) {
            float noise = amplitude * (2 * Hashing.unit(seed, x, y) - 1);
            out[offset] = clamp(colour.r() + noise);
            out[offset + 1] = clamp(colour.g() + noise);
            out[offset + 2] = clamp(colour.b() + noise);
        }
    }

    /** Parallel stripes of equal width, alternately {@code a} and {@code b}, across direction {@code angle}. */
    public record Stripes(Rgb a, Rgb b, double angle, double period) implements Texture {

        /**
         * Checks that the period is at least two pixels.
         *
         * @param a the matrix A
         * @param b the matrix B
         * @param angle the angle
         * @param period the period
         */
        public Stripes {
            requireIn("stripe period", period, 2, Double.MAX_VALUE);
        }

        @Override
        public void colourAt(int x, int y, float[] out, int offset) {
            double t = along(x, y, angle) / period;
            (t - Math.floor(t) < 0.5 ? a : b).writeTo(out, offset);
        }
    }

    /** A checkerboard of square cells of side {@code cell} pixels, rotated by {@code angle} (radians). */
    public record Checker(Rgb a, Rgb b, double angle, double cell) implements Texture {

        /**
         * Checks that the cell is at least one pixel.
         *
         * @param a the matrix A
         * @param b the matrix B
         * @param angle the angle
         * @param cell the grid cell
         */
        public Checker {
            requireIn("checker cell", cell, 1, Double.MAX_VALUE);
        }

        @Override
        public void colourAt(int x, int y, float[] out, int offset) {
            long u = (long) Math.floor(along(x, y, angle) / cell);
            long v = (long) Math.floor(along(x, y, angle + Math.PI / 2) / cell);
            (((u + v) & 1) == 0 ? a : b).writeTo(out, offset);
        }
    }

    /**
     * Discs of colour {@code dot} on a square lattice of spacing {@code spacing} pixels over a
     * {@code background}; the disc radius is {@code radius} times the spacing.
     */
    public record Dots(Rgb background, Rgb dot, double spacing, double radius) implements Texture {

        /**
         * Checks the spacing (at least three pixels) and the relative radius (in (0, 0.5]).
         *
         * @param background the background
         * @param dot the dot product
         * @param spacing the spacing
         * @param radius the radius
         */
        public Dots {
            requireIn("dot spacing", spacing, 3, Double.MAX_VALUE);
            requireIn("relative dot radius", radius, 1e-9, 0.5);
        }

        @Override
        public void colourAt(int x, int y, float[] out, int offset) {
            double u = (x + 0.5) / spacing;
            double v = (y + 0.5) / spacing;
            double du = u - Math.floor(u) - 0.5;
            double dv = v - Math.floor(v) - 0.5;
            (du * du + dv * dv < radius * radius ? dot : background).writeTo(out, offset);
        }
    }

    /**
     * A linear ramp from {@code a} to {@code b} and back (a triangle wave) along {@code angle}, of
     * half-period {@code length} pixels.
     */
    public record Gradient(Rgb a, Rgb b, double angle, double length) implements Texture {

        /**
         * Checks that the ramp is at least two pixels long.
         *
         * @param a the matrix A
         * @param b the matrix B
         * @param angle the angle
         * @param length the length
         */
        public Gradient {
            requireIn("gradient length", length, 2, Double.MAX_VALUE);
        }

        @Override
        public void colourAt(int x, int y, float[] out, int offset) {
            double t = along(x, y, angle) / length;
            double phase = t - 2 * Math.floor(t / 2);
            a.mix(b, (float) Math.abs(1 - phase)).writeTo(out, offset);
        }
    }

    /**
     * "Clouds": three octaves of value noise (lattice spacings {@code scale}, scale/2, scale/4,
     * weights 4:2:1) mapping {@code a} to {@code b}.
     */
    public record Clouds(Rgb a, Rgb b, double scale, long seed) implements Texture {

        /**
         * Checks that the coarsest lattice spacing is at least four pixels.
         *
         * @param a the matrix A
         * @param b the matrix B
         * @param scale the scale
         * @param seed the random seed
         */
        public Clouds {
            requireIn("cloud scale", scale, 4, Double.MAX_VALUE);
        }

        @Override
        public void colourAt(int x, int y, float[] out, int offset) {
            double t = (4 * Hashing.valueNoise(seed, x, y, scale) + 2 * Hashing.valueNoise(seed + 1, x, y, scale / 2)
                    + Hashing.valueNoise(seed + 2, x, y, scale / 4)) / 7;
            a.mix(b, (float) t).writeTo(out, offset);
        }
    }

    /** Concentric rings of width period/2 around (cx, cy), alternately {@code a} and {@code b}. */
    public record Rings(Rgb a, Rgb b, double cx, double cy, double period) implements Texture {

        /**
         * Checks that the period is at least two pixels.
         *
         * @param a the matrix A
         * @param b the matrix B
         * @param cx the centre's x
         * @param cy the centre's y
         * @param period the period
         */
        public Rings {
            requireIn("ring period", period, 2, Double.MAX_VALUE);
        }

        @Override
        public void colourAt(int x, int y, float[] out, int offset) {
            double dx = x + 0.5 - cx;
            double dy = y + 0.5 - cy;
            double t = Math.sqrt(dx * dx + dy * dy) / period;
            (t - Math.floor(t) < 0.5 ? a : b).writeTo(out, offset);
        }
    }

    /** Axis-aligned lines of colour {@code line}, {@code width} px wide every {@code period} px, over {@code fill}. */
    public record Grid(Rgb fill, Rgb line, double period, double width) implements Texture {

        /**
         * Checks that the lines are at least one pixel wide and leave at least one pixel between them.
         *
         * @param fill the fill
         * @param line the line
         * @param period the period
         * @param width the width
         */
        public Grid {
            requireIn("grid line width", width, 1, Double.MAX_VALUE);
            requireIn("grid period", period, width + 1, Double.MAX_VALUE);
        }

        @Override
        public void colourAt(int x, int y, float[] out, int offset) {
            boolean onLine = x - period * Math.floor(x / period) < width || y - period * Math.floor(y / period) < width;
            (onLine ? line : fill).writeTo(out, offset);
        }
    }

    /** Salt noise: each pixel independently {@code b} with probability {@code density}, else {@code a}. */
    public record Speckle(Rgb a, Rgb b, float density, long seed) implements Texture {

        /**
         * Checks that the density lies in [0, 1].
         *
         * @param a the matrix A
         * @param b the matrix B
         * @param density the density
         * @param seed the random seed
         */
        public Speckle {
            requireIn("speckle density", density, 0, 1);
        }

        @Override
        public void colourAt(int x, int y, float[] out, int offset) {
            (Hashing.unit(seed, x, y) < density ? b : a).writeTo(out, offset);
        }
    }

    /** The coordinate of the pixel centre along the unit direction at {@code angle} radians. */
    private static double along(int x, int y, double angle) {
        return (x + 0.5) * StrictMath.cos(angle) + (y + 0.5) * StrictMath.sin(angle);
    }

    private static float clamp(float v) {
        return Math.min(1f, Math.max(0f, v));
    }

    private static void requireIn(String what, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " must lie in [" + min + ", " + max + "], got " + value);
        }
    }
}

package org.mbp.train;

import java.util.SplittableRandom;

/**
 * Training-image augmentation: each training example, each epoch, is mirrored left–right with
 * probability ½ and shifted by whole pixels, (dy, dx) uniform in {@code [−shift, shift]²}, the
 * uncovered border filled with 0 (the black background of Fashion-MNIST). The draw comes from the
 * example's seed (epoch and example), so a resumed run sees the same images. Test images are never
 * augmented.
 *
 * @param shift the largest shift in pixels; 0 with {@code mirror} false is no augmentation
 * @param mirror whether to mirror left–right
 */
public record Augmentation(int shift, boolean mirror) {

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false);

    /**
     * Mirroring and shifts of up to {@code shift} pixels.
     *
     * @param shift the shift
     * @return the augmentation
     */
    public static Augmentation mirrorAndShift(int shift) {
        return new Augmentation(shift, true);
    }

    /**
     * The augmentation an option value names: {@code S} (an integer ≥ 0) is mirroring and shifts of up
     * to S pixels, 0 none; {@code mirror} is mirroring alone.
     *
     * @param value the value
     * @return the augmentation an option value names: {@code S} (an integer ≥ 0) is mirroring and
     *         shifts of up to S pixels, 0 none; {@code mirror} is mirroring alone
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static Augmentation parse(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("mirror")) {
            return new Augmentation(0, true);
        }
        int shift;
        try {
            shift = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("augmentation must be 'mirror' or a shift S ≥ 0 in pixels, got '"
                    + value + "'");
        }
        return shift == 0 ? NONE : mirrorAndShift(shift);
    }

    /**
     * Checks that the shift is not negative.
     *
     * @param shift the shift
     * @param mirror whether to mirror left–right
     */
    public Augmentation {
        if (shift < 0) {
            throw new IllegalArgumentException("augmentation shift must be ≥ 0, got " + shift);
        }
    }

    /**
     * Whether this changes any image.
     *
     * @return whether this changes any image
     */
    public boolean isNone() {
        return shift == 0 && !mirror;
    }

    /**
     * "none", or e.g. "mirror, shift ≤ 2 px", for descriptions.
     *
     * @return "none", or e.g. "mirror, shift ≤ 2 px", for descriptions
     */
    public String label() {
        if (isNone()) {
            return "none";
        }
        return (mirror ? "mirror" : "") + (mirror && shift > 0 ? ", " : "") + (shift > 0 ? "shift ≤ " + shift + " px" : "");
    }

    /**
     * The augmented copy of a {@code rows × cols} single-channel image (row-major).
     *
     * @param seed the example's seed
     * @param image the image
     * @param offset the offset
     * @param rows the number of rows
     * @param cols the number of columns
     * @return the augmented copy of a {@code rows × cols} single-channel image (row-major)
     */
    public float[] apply(float[] image, int offset, int rows, int cols, long seed) {
        float[] out = new float[rows * cols];
        SplittableRandom random = new SplittableRandom(seed ^ 0x6175676D656E7400L);
        boolean flip = mirror && random.nextBoolean();
        int dy = shift == 0 ? 0 : random.nextInt(-shift, shift + 1);
        int dx = shift == 0 ? 0 : random.nextInt(-shift, shift + 1);
        for (int r = 0; r < rows; r++) {
            int sr = r - dy;
            if (sr < 0 || sr >= rows) {
                continue;
            }
            for (int c = 0; c < cols; c++) {
                int sc = c - dx;
                if (sc >= 0 && sc < cols) {
                    out[r * cols + c] = image[offset + sr * cols + (flip ? cols - 1 - sc : sc)];
                }
            }
        }
        return out;
    }
}

package org.mbp.scene;

/** A colour with red, green and blue channels in [0, 1]. */
public record Rgb(float r, float g, float b) {

    /**
     * Checks that every channel is a number in [0, 1].
     *
     * @param r the row
     * @param g the scalar function g
     * @param b the matrix B
     */
    public Rgb {
        if (!(r >= 0 && r <= 1 && g >= 0 && g <= 1 && b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("colour channels must lie in [0, 1], got (" + r + ", " + g + ", " + b
                    + ")");
        }
    }

    /**
     * The colour {@code (1 - t)·this + t·other}, for t in [0, 1].
     *
     * @param other the other one
     * @param t the value t
     * @return the colour {@code (1 - t)·this + t·other}, for t in [0, 1]
     */
    public Rgb mix(Rgb other, float t) {
        return new Rgb(r + t * (other.r - r), g + t * (other.g - g), b + t * (other.b - b));
    }

    /**
     * Writes the channels to {@code out[offset]}, {@code out[offset + 1]}, {@code out[offset + 2]}.
     *
     * @param out where to write
     * @param offset the offset
     */
    public void writeTo(float[] out, int offset) {
        out[offset] = r;
        out[offset + 1] = g;
        out[offset + 2] = b;
    }
}

package org.mbp.backend;

/**
 * The float entries of the single-precision backends, to and from the double values that
 * {@link MatrixOps} speaks in: widening is exact, narrowing rounds each value to the nearest float.
 */
public final class FloatArrays {

    private FloatArrays() {
    }

    /**
     * The first {@code count} values rounded to float.
     *
     * @param values the values
     * @param count the count
     * @return the first {@code count} values rounded to float
     */
    public static float[] rounded(double[] values, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /**
     * The first {@code count} entries widened to double.
     *
     * @param values the values
     * @param count the count
     * @return the first {@code count} entries widened to double
     */
    public static double[] widened(float[] values, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[i];
        }
        return out;
    }
}

package org.mbp.spectra;

import org.hipparchus.dfp.Dfp;
import org.mbp.backend.MatrixOps;
import org.mbp.precise.FieldDense;
import org.mbp.precise.FieldOps;

/**
 * A test matrix built in high precision with an exactly prescribed spectrum. {@link #in} rounds it
 * into any backend, so one seed gives the same matrix in every precision.
 *
 * @param exact    the matrix in the generator's high precision
 * @param spectrum the spectrum it was built with
 */
public record ControlledMatrix(FieldDense<Dfp> exact, Spectrum spectrum) {

    /**
     * The number of rows.
     *
     * @return the number of rows
     */
    public int rows() {
        return exact.rows();
    }

    /**
     * The number of columns.
     *
     * @return the number of columns
     */
    public int cols() {
        return exact.cols();
    }

    /**
     * The entries rounded to double, row-major.
     *
     * @return the entries rounded to double, row-major
     */
    public double[] values() {
        double[] out = new double[exact.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = exact.data()[i].toDouble();
        }
        return out;
    }

    /**
     * The matrix in a backend: rounded to its precision, or kept to the digits of a
     * high-precision backend (through the decimal representation).
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @return the matrix in a backend: rounded to its precision, or kept to the digits of a
     *         high-precision backend (through the decimal representation)
     */
    @SuppressWarnings("unchecked")
    public <M> M in(MatrixOps<M> ops) {
        if (ops instanceof FieldOps<?> field && field.field().getZero() instanceof Dfp zero) {
            Dfp[] data = new Dfp[exact.data().length];
            for (int i = 0; i < data.length; i++) {
                data[i] = zero.newInstance(exact.data()[i].toString());
            }
            return (M) ((FieldOps<Dfp>) field).of(rows(), cols(), data);
        }
        return ops.fromRowMajor(rows(), cols(), values());
    }
}

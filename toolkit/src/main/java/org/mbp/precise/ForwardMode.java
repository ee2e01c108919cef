package org.mbp.precise;

import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.analysis.differentiation.GradientField;
import org.mbp.backend.MatrixOps;

/**
 * Forward-mode automatic differentiation of the layers: the backend over Hipparchus
 * {@code Gradient} numbers with one free parameter t. A matrix {@code X + t·dX} is seeded with
 * {@link #along}; evaluating a layer's forward pass on it (decompositions by the field Jacobi
 * solvers) carries {@code d/dt f(X + t·dX)} in the derivative parts, which {@link #derivative}
 * reads. This differentiates the forward computation itself and so checks the hand-derived
 * variations and adjoints independently.
 */
public final class ForwardMode {

    /** The backend: double values with one directional derivative each. */
    public static final FieldOps<Gradient> OPS = new FieldOps<>(GradientField.getField(1), "forward-mode", true);

    private ForwardMode() {
    }

    /**
     * {@code X + t·dX} from the values of X and dX (given on any backend).
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param x the input
     * @param dx the input variation dX
     * @return {@code X + t·dX} from the values of X and dX (given on any backend)
     */
    public static <M> FieldDense<Gradient> along(MatrixOps<M> ops, M x, M dx) {
        double[] values = ops.toRowMajor(x);
        double[] direction = ops.toRowMajor(dx);
        Gradient[] data = new Gradient[values.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = new Gradient(values[i], direction[i]);
        }
        return OPS.of(ops.rows(x), ops.cols(x), data);
    }

    /**
     * The values (t = 0) of a matrix of the forward-mode backend.
     *
     * @param a the matrix A
     * @return the values (t = 0) of a matrix of the forward-mode backend
     */
    public static double[] value(FieldDense<Gradient> a) {
        return OPS.toRowMajor(a);
    }

    /**
     * The derivatives d/dt of a matrix of the forward-mode backend.
     *
     * @param a the matrix A
     * @return the derivatives d/dt of a matrix of the forward-mode backend
     */
    public static double[] derivative(FieldDense<Gradient> a) {
        double[] out = new double[a.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.data()[i].getGradient()[0];
        }
        return out;
    }
}

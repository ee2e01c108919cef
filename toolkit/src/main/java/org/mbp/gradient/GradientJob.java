package org.mbp.gradient;

import java.util.function.Consumer;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Precision;
import org.mbp.device.ComputeDevice;
import org.mbp.function.OutsideDomainException;
import org.mbp.function.SpectralFunction;
import org.mbp.io.DenseMatrix;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.ErrorBound;
import org.mbp.layer.Inputs;
import org.mbp.layer.Layer;
import org.mbp.layer.LinearLayer;
import org.mbp.layer.Linearization;
import org.mbp.ncuts.NCutsLosses;
import org.mbp.ncuts.ProjectorLayer;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.EigLayer;
import org.mbp.spectral.EigMatrixFunctionLayer;
import org.mbp.spectral.Form;
import org.mbp.spectral.SpectralFunctionLayer;

/** One structured layer's loss and exact gradient for given matrices, free of files and options. */
public final class GradientJob {

    /**
     * What to differentiate.
     *
     * @param target        the segmentation E (ncuts layers), else null
     * @param upstream      G of {@code L = ⟨G, f(X)⟩}, or null for the identity
     * @param epsilon       the regulariser ε of the o2p layers, finite and ≥ 0
     * @param function      the matrix function of eig-fn: log, sqrt or exp
     * @param rankTolerance relative rank tolerance of projectors in [0, 1), NaN for the default
     */
    public record Request(GradientLayer layer, DenseMatrix input, DenseMatrix target, DenseMatrix upstream,
            double epsilon, Precision precision, Form form, String function, double rankTolerance) {

        /**
         * @param layer the layer
         * @param input the input
         * @param target the target
         * @param upstream the upstream gradient ∂L/∂Y
         * @param epsilon the regularizer ε
         * @param precision the arithmetic precision
         * @param form the form
         * @param function the function to apply
         * @param rankTolerance relative rank tolerance of projectors in [0, 1), NaN for the default
         * @throws IllegalArgumentException for an ε or a rank tolerance out of range
         */
        public Request {
            if (!(epsilon >= 0 && Double.isFinite(epsilon))) {
                throw new IllegalArgumentException("--epsilon must be finite and >= 0, got " + epsilon);
            }
            if (!Double.isNaN(rankTolerance) && !(rankTolerance >= 0 && rankTolerance < 1)) {
                throw new IllegalArgumentException("--rank-tolerance must lie in [0, 1), got " + rankTolerance);
            }
        }
    }

    /**
     * The loss, its gradient with respect to the input, the spectra met on the way, and the
     * gradient's predicted relative error bound ({@link ErrorBound}, from those spectra and the
     * precision's ε).
     */
    public record Result(String layer, double loss, DenseMatrix gradient, Diagnostics diagnostics,
            ErrorBound errorBound) {
    }

    private GradientJob() {
    }

    /**
     * The loss and gradient on {@code device} in the request's precision.
     *
     * @param device the device
     * @param request the request
     * @return the loss and gradient on {@code device} in the request's precision
     * @throws IllegalArgumentException for inputs of the wrong shape, non-finite or not symmetric
     * @throws ArithmeticException      when the layer refuses the spectrum or the gradient is not finite
     * @throws OutsideDomainException   when a spectrum leaves the matrix function's domain, e.g. log of
     *                                  FᵀF with {@code ε = 0} for a rank-deficient F
     */
    public static Result run(ComputeDevice device, Request request) {
        return run(device, request, stage -> { });
    }

    /**
     * {@link #run(ComputeDevice, Request)}, telling {@code progress} of each stage as it ends (the
     * forward pass with its decompositions, then the adjoint), for progress on long inputs.
     *
     * @param device   the device
     * @param request  the request
     * @param progress told the name of each stage that has ended
     * @return the loss and gradient on {@code device} in the request's precision
     */
    public static Result run(ComputeDevice device, Request request, Consumer<String> progress) {
        return run(device.backend(request.precision()), request, progress);
    }

    private static <M> Result run(MatrixOps<M> ops, Request r, Consumer<String> progress) {
        DenseMatrix in = r.input();
        InputScale.requireEntriesFit(in, r.precision(), "--input");
        if (r.upstream() != null) {
            InputScale.requireEntriesFit(r.upstream(), r.precision(), "--upstream G");
        }
        if (r.layer().isO2P()) {
            InputScale.requireGramFits(in, r.precision(), r.form() == Form.PAPER);
        }
        M x = ops.fromRowMajor(in.rows(), in.cols(), in.values());
        Inputs.requireFinite(ops, x, "--input");
        Layer<M, M, M> layer;
        M upstream;
        switch (r.layer()) {
            case O2P_SVD, O2P_EIG -> {
                layer = r.layer() == GradientLayer.O2P_SVD ? DeepO2P.svd(ops, r.epsilon(), r.form())
                        : DeepO2P.eig(ops, r.epsilon(), r.form());
                upstream = upstream(ops, r, in.cols(), "d×d for a " + in.shape() + " input F");
            }
            case EIG_FN -> {
                Inputs.requireSymmetric(ops, x, "--input Z");
                SpectralFunction g = SpectralFunction.named(r.function());
                Layer<M, M, M> function = r.form() == Form.STABLE ? SpectralFunctionLayer.ofSymmetric(ops, g)
                        : new EigLayer<>(ops).then(new EigMatrixFunctionLayer<>(ops, g));
                layer = LinearLayer.symmetrize(ops).then(function);
                upstream = upstream(ops, r, in.rows(), "n×n like Z");
            }
            case PROJECTOR -> {
                layer = new ProjectorLayer<>(ops, r.rankTolerance());
                upstream = upstream(ops, r, in.rows(), "m×m for an m×n input A");
            }
            case NCUTS_J1, NCUTS_J2 -> {
                M e = indicator(ops, r.target(), in.rows());
                Layer<M, M, M> loss = r.layer() == GradientLayer.NCUTS_J1 ? NCutsLosses.j1(ops, e, r.rankTolerance())
                        : NCutsLosses.j2(ops, e, r.rankTolerance());
                layer = NCutsLosses.linearAffinity(ops, in.cols()).then(loss);
                upstream = ops.filled(1, 1, 1.0);
            }
            default -> throw new IllegalStateException("unhandled layer " + r.layer());
        }
        Linearization<M, M, M> point = forward(layer, x, r);
        progress.accept("forward pass");
        double loss = ops.dot(upstream, point.output());
        M gradient = point.adjoint(upstream);
        progress.accept("adjoint");
        if (!ops.isFinite(gradient)) {
            throw new ArithmeticException(String.format("%s: the gradient is not finite (an overflow inside the"
                    + " layer: smallest relative gap %.3g, max|K| %.3g); rescale the input", r.layer().label(),
                    point.diagnostics().minRelativeGap(), point.diagnostics().maxAbsK()));
        }
        return new Result(layer.name(), loss, new DenseMatrix(ops.rows(gradient), ops.cols(gradient),
                ops.toRowMajor(gradient)), point.diagnostics(), ErrorBound.of(point.diagnostics(), ops.epsilon()));
    }

    /**
     * The layer evaluated at x. The o2p layers' log needs FᵀF + εI numerically positive
     * ({@link SpectralFunction#requireDomain}, one check for every route); with ε = 0 the refusal
     * says that F is rank-deficient and names the remedy.
     */
    private static <M> Linearization<M, M, M> forward(Layer<M, M, M> layer, M x, Request r) {
        try {
            return layer.forward(x);
        } catch (OutsideDomainException e) {
            if (r.layer().isO2P() && r.epsilon() == 0) {
                throw new OutsideDomainException("--epsilon 0 with a rank-deficient F: FᵀF is singular, so the"
                        + " loss log(FᵀF) is −∞ (" + e.getMessage() + "); use --epsilon > 0");
            }
            throw e;
        }
    }

    /** G as given (n×n), or the identity. */
    private static <M> M upstream(MatrixOps<M> ops, Request r, int n, String expected) {
        if (r.upstream() == null) {
            return ops.identity(n);
        }
        DenseMatrix g = r.upstream();
        if (g.rows() != n || g.cols() != n) {
            throw new IllegalArgumentException(String.format("--upstream G is %s but must be %d×%d (%s)",
                    g.shape(), n, n, expected));
        }
        M m = ops.fromRowMajor(n, n, g.values());
        Inputs.requireFinite(ops, m, "--upstream G");
        return m;
    }

    /** E as given, after checking it is an m×k indicator: entries 0 or 1, one 1 per row. */
    private static <M> M indicator(MatrixOps<M> ops, DenseMatrix e, int rows) {
        if (e == null) {
            throw new IllegalArgumentException("--target E is required for the ncuts layers");
        }
        if (e.rows() != rows) {
            throw new IllegalArgumentException(String.format("--target E is %s but must have %d rows,"
                    + " one per row of F", e.shape(), rows));
        }
        for (int i = 0; i < e.rows(); i++) {
            int ones = 0;
            for (int j = 0; j < e.cols(); j++) {
                double v = e.get(i, j);
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException(String.format("--target E: entry (%d,%d) is %s;"
                            + " an indicator matrix holds only 0 and 1", i, j, v));
                }
                ones += v == 1 ? 1 : 0;
            }
            if (ones != 1) {
                throw new IllegalArgumentException(String.format("--target E: row %d has %d ones; each"
                        + " point must belong to exactly one segment", i, ones));
            }
        }
        return ops.fromRowMajor(e.rows(), e.cols(), e.values());
    }
}

package org.mbp.spectral;

import org.mbp.backend.MatrixOps;
import org.mbp.function.SpectralFunction;
import org.mbp.layer.Layer;
import org.mbp.layer.Layers;
import org.mbp.layer.LinearLayer;
import org.mbp.layer.Structure;

/**
 * The DeepO₂P layer {@code F ↦ C = log(FᵀF + εI)} (eq. 4, Cor. 1) for features F of m locations
 * × d dimensions, in the paper's two derivations and the gap-stable form.
 */
public final class DeepO2P {

    /** The paper's default regulariser (§7.1). */
    public static final double DEFAULT_EPSILON = 1e-3;

    private DeepO2P() {
    }

    /**
     * DeepO₂P-SVD (Cor. 1, eq. 46): the SVD layer (Prop. 1) then the SVD matrix function
     * (Prop. 3) with g = log. For m &lt; d the SVD is taken of Fᵀ (Prop. 1 needs m ≥ n) and swapped
     * back; the d − m null directions of F then come through the U₂ block of eqs. 14 and 17.
     * The stable form takes V and Σ from the SVD of F and differentiates by Daleckii–Krein.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param epsilon the regularizer ε
     * @param form the form
     * @return the DeepO₂P-SVD composition (Cor. 1, eq. 46)
     */
    public static <M> Layer<M, M, M> svd(MatrixOps<M> ops, double epsilon, Form form) {
        String name = "deepo2p-svd(" + form.label() + ")";
        SpectralFunction log = SpectralFunction.log();
        if (form == Form.STABLE) {
            return Layers.named(name, SpectralFunctionLayer.ofGram(ops, log, epsilon, SpectrumSource.SVD));
        }
        Layer<M, SvdFactors<M>, M> function = new SvdMatrixFunctionLayer<>(ops, log, epsilon);
        Layer<M, M, M> tall = new SvdLayer<>(ops).then(function);
        Layer<M, M, M> wide = LinearLayer.transpose(ops).then(new SvdLayer<>(ops))
                .then(new SwapFactorsLayer<>(ops)).then(function);
        return Layers.byShape(name, tall, wide);
    }

    /**
     * DeepO₂P-EIG (Cor. 1, eq. 47): {@code Z = FᵀF + εI}, the EIG layer (Prop. 2), then the EIG
     * matrix function (Prop. 4) with g = log. The stable form decomposes Z by EIG and
     * differentiates by Daleckii–Krein.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param epsilon the regularizer ε
     * @param form the form
     * @return the DeepO₂P-EIG composition (Cor. 1, eq. 47)
     */
    public static <M> Layer<M, M, M> eig(MatrixOps<M> ops, double epsilon, Form form) {
        String name = "deepo2p-eig(" + form.label() + ")";
        SpectralFunction log = SpectralFunction.log();
        if (form == Form.STABLE) {
            return Layers.named(name, SpectralFunctionLayer.ofGram(ops, log, epsilon, SpectrumSource.EIG));
        }
        return Layers.named(name, new CovarianceLayer<>(ops, epsilon)
                .then(new EigLayer<>(ops, Structure.POSITIVE_DIAGONAL))
                .then(new EigMatrixFunctionLayer<>(ops, log, epsilon)));
    }
}

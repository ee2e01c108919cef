package org.mbp.ncuts;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Inputs;
import org.mbp.layer.Layer;
import org.mbp.layer.Layers;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.PairSpace;
import org.mbp.layer.Structure;

/** The normalized-cuts alignment losses of §6 and the linear affinity that feeds them. */
public final class NCutsLosses {

    private NCutsLosses() {
    }

    /**
     * {@code J1(W) = ½ ‖Π_M − Π_Ω‖_F²} (eq. 50): W → (M, Ω) (Prop. 5) → projectors (Lemma 1) →
     * distance, with ∂J1/∂Π_M = Π_M − Π_Ω = −∂J1/∂Π_Ω.
     *
     * @param e                 the m×k segmentation matrix E
     * @param relativeTolerance rank tolerance of the projectors (NaN for the default)
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @return the loss J1 as a layer of W (eq. 50)
     */
    public static <M> Layer<M, M, M> j1(MatrixOps<M> ops, M e, double relativeTolerance) {
        return Layers.named("ncuts-j1", new NCutsNormalizationLayer<>(ops, e)
                .then(Layers.both(new ProjectorLayer<>(ops, relativeTolerance)))
                .then(new ProjectorDistanceLayer<>(ops)));
    }

    /**
     * {@code J2(W) = ½ ‖Π_W − Π_Ψ‖_F²} (eq. 59) with {@code Ψ = E (EᵀE)⁻¹ Eᵀ}, itself the projector
     * onto span(E). Through Lemma 1 its gradient is Prop. 6's {@code ∂J2/∂W = −2 (I − Π_W) Π_Ψ W⁺}
     * (eq. 60; eqs. 61–62 carry a sign slip: Lemma 1 gives {@code +2 (I − Π_W)(Π_W − Π_Ψ) W⁺},
     * which equals eq. 60 because {@code (I − Π_W) Π_W = 0}). W must have positive row sums, as
     * the projector of §6 is defined through {@code D^{1/2}}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param e the m×k segmentation matrix E
     * @param relativeTolerance the rank tolerance the backend under test uses, so a reference in
     *                          higher precision takes the same rank decisions
     * @return {@code J2(W) = ½ ‖Π_W − Π_Ψ‖_F²} (eq. 59) with {@code Ψ = E (EᵀE)⁻¹ Eᵀ}, itself the
     *         projector onto span(E)
     */
    public static <M> Layer<M, M, M> j2(MatrixOps<M> ops, M e, double relativeTolerance) {
        Inputs.requireFinite(ops, e, "segmentation E");
        return j2Against(ops, new ProjectorLayer<>(ops).forward(e).output(), relativeTolerance);
    }

    /**
     * {@link #j2} against a given target projector: {@code J2(W) = ½ ‖Π_W − Π_Ψ‖_F²} with
     * {@code Π_Ψ} held fixed. On a {@link org.mbp.backend.BatchOps} the target is a batch value, one
     * projector per example, so a minibatch of scenes with different numbers of segments (their E
     * of different widths) is one layer over the batch.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param psi the target projector {@code Π_Ψ} (m×m, symmetric)
     * @param relativeTolerance the rank tolerance of the projector of W (NaN for the default)
     * @return J2 as a layer of W
     */
    public static <M> Layer<M, M, M> j2Against(MatrixOps<M> ops, M psi, double relativeTolerance) {
        return Layers.named("ncuts-j2", Layers.requiring(ops, MatrixSpace.of("W", Structure.SYMMETRIC),
                        "degrees", w -> NCutsNormalizationLayer.requirePositiveDegrees(ops, w))
                .then(new ProjectorLayer<>(ops, relativeTolerance))
                .then(Layers.withConstant(ops,
                        new PairSpace<>("Π_W", Structure.SYMMETRIC, "Π_Ψ", Structure.SYMMETRIC), psi))
                .then(new ProjectorDistanceLayer<>(ops)));
    }

    /**
     * The linear affinity {@code F ↦ W = F Fᵀ}: the similarity layer with Λ = I held fixed.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param dimensions the dimensions
     * @return the linear affinity {@code F ↦ W = F Fᵀ}: the similarity layer with Λ = I held fixed
     */
    public static <M> Layer<M, M, M> linearAffinity(MatrixOps<M> ops, int dimensions) {
        return Layers.withConstant(ops,
                        new PairSpace<>("F", Structure.GENERAL, "Λ", Structure.GENERAL),
                        ops.identity(dimensions))
                .then(new SimilarityLayer<>(ops));
    }
}

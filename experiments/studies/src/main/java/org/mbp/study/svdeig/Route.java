package org.mbp.study.svdeig;

import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.Layer;
import org.mbp.run.Labelled;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;

/** A way to compute the DeepO₂P derivative: through the SVD or the EIG of the paper, or the gap-stable form. */
public enum Route implements Labelled {
    /** DeepO₂P-SVD in the paper's form. */
    SVD_PAPER("svd-paper"),
    /** DeepO₂P-EIG in the paper's form. */
    EIG_PAPER("eig-paper"),
    /** The gap-stable (Daleckii–Krein) form. */
    STABLE("stable");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The layer {@code F ↦ log(FᵀF + εI)} computed this way. */
    Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> layer(EjmlOps ops, double epsilon) {
        return switch (this) {
            case SVD_PAPER -> DeepO2P.svd(ops, epsilon, Form.PAPER);
            case EIG_PAPER -> DeepO2P.eig(ops, epsilon, Form.PAPER);
            case STABLE -> DeepO2P.svd(ops, epsilon, Form.STABLE);
        };
    }
}

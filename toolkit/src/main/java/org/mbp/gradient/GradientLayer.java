package org.mbp.gradient;

import java.util.Arrays;
import java.util.List;

/** The structured layers whose loss and exact gradient {@link GradientJob} computes for given matrices. */
public enum GradientLayer {
    /** L = ⟨G, log(FᵀF + εI)⟩ by DeepO2P-SVD (Cor. 1, eq. 46); the gradient is ∂L/∂F. */
    O2P_SVD("o2p-svd"),
    /** L = ⟨G, log(FᵀF + εI)⟩ by DeepO2P-EIG (Cor. 1, eq. 47); the gradient is ∂L/∂F. */
    O2P_EIG("o2p-eig"),
    /** J1 = ½‖Π_M − Π_Ω‖² (eq. 50) with W = FFᵀ; the gradient is ∂J1/∂F. */
    NCUTS_J1("ncuts-j1"),
    /** J2 = ½‖Π_W − Π_Ψ‖² (eq. 59) with W = FFᵀ; the gradient is ∂J2/∂F. */
    NCUTS_J2("ncuts-j2"),
    /** L = ⟨G, g(Z)⟩ for symmetric Z (Prop. 4); the gradient is the symmetric ∂L/∂Z. */
    EIG_FN("eig-fn"),
    /** L = ⟨G, Π_A⟩, Π_A = AA⁺ (Lemma 1); the gradient is ∂L/∂A. */
    PROJECTOR("projector");

    private final String label;

    GradientLayer(String label) {
        this.label = label;
    }

    /**
     * The hyphenated name, e.g. {@code o2p-svd}.
     *
     * @return the hyphenated name, e.g. {@code o2p-svd}
     */
    public String label() {
        return label;
    }

    /**
     * Whether the layer is the O₂P layer.
     *
     * @return whether the layer is the O₂P layer
     */
    public boolean isO2P() {
        return this == O2P_SVD || this == O2P_EIG;
    }

    /**
     * Whether the layer is the normalized-cuts layer.
     *
     * @return whether the layer is the normalized-cuts layer
     */
    public boolean isNCuts() {
        return this == NCUTS_J1 || this == NCUTS_J2;
    }

    /**
     * Whether the gap-stable form exists for this layer.
     *
     * @return whether the gap-stable form exists for this layer
     */
    public boolean hasStableForm() {
        return isO2P() || this == EIG_FN;
    }

    /**
     * Every label, in declaration order.
     *
     * @return every label, in declaration order
     */
    public static List<String> labels() {
        return Arrays.stream(values()).map(GradientLayer::label).toList();
    }

    /**
     * The layer of a label.
     *
     * @param text the text
     * @return the layer of a label
     * @throws IllegalArgumentException naming the known labels when there is none
     */
    public static GradientLayer parse(String text) {
        for (GradientLayer layer : values()) {
            if (layer.label.equals(text)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("unknown layer '" + text + "' (expected one of "
                + String.join(", ", labels()) + ")");
    }
}

package org.mbp.cli;

import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine;

/** The layers {@code mbp grad} differentiates. */
enum GradLayer {
    O2P_SVD("o2p-svd", "L = ⟨G, log(FᵀF + εI)⟩ by DeepO2P-SVD (Cor. 1, eq. 46); output ∂L/∂F"),
    O2P_EIG("o2p-eig", "L = ⟨G, log(FᵀF + εI)⟩ by DeepO2P-EIG (Cor. 1, eq. 47); output ∂L/∂F"),
    NCUTS_J1("ncuts-j1", "J1 = ½‖Π_M − Π_Ω‖² (eq. 50) with W = FFᵀ; output ∂J1/∂F"),
    NCUTS_J2("ncuts-j2", "J2 = ½‖Π_W − Π_Ψ‖² (eq. 59) with W = FFᵀ; output ∂J2/∂F"),
    EIG_FN("eig-fn", "L = ⟨G, g(Z)⟩ for symmetric Z (Prop. 4); output the symmetric ∂L/∂Z"),
    PROJECTOR("projector", "L = ⟨G, Π_A⟩, Π_A = AA⁺ (Lemma 1); output ∂L/∂A");

    final String label;
    final String description;

    GradLayer(String label, String description) {
        this.label = label;
        this.description = description;
    }

    boolean isO2P() {
        return this == O2P_SVD || this == O2P_EIG;
    }

    boolean isNCuts() {
        return this == NCUTS_J1 || this == NCUTS_J2;
    }

    /** Whether the gap-stable form exists for this layer. */
    boolean hasStableForm() {
        return isO2P() || this == EIG_FN;
    }

    static GradLayer parse(String text) {
        for (GradLayer layer : values()) {
            if (layer.label.equals(text)) {
                return layer;
            }
        }
        throw new CommandLine.TypeConversionException("unknown layer '" + text + "' (expected one of "
                + String.join(", ", Arrays.stream(values()).map(l -> l.label).toList()) + ")");
    }

    /** Completion candidates and the list shown in {@code --help}. */
    static final class Labels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(l -> l.label).iterator();
        }
    }
}

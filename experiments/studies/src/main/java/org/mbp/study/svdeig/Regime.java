package org.mbp.study.svdeig;

/** A regime of the svd-vs-eig grid, a row of the key-numbers table. */
public enum Regime {
    /** Every input of the grid. */
    ALL("all inputs"),
    /** Tall inputs with well-separated spectra and moderate condition. */
    TALL_SEPARATED("tall, well separated (g ≥ 1e-4), κ ≤ 1e6"),
    /** Where EIG resolves the small eigenvalues of FᵀF only to ε·‖FᵀF‖. */
    TALL_ILL_CONDITIONED("tall, ill-conditioned (κ ≥ 1e9, ε ≤ 1e-6)"),
    /** Where both paper routes divide by the gap. */
    TALL_CLUSTERED("tall, clustered (g ≤ 1e-8)"),
    /** Where FᵀF + εI has a cluster tied at ε. */
    WIDE("wide (m < d): tied cluster at ε");

    private final String label;

    Regime(String label) {
        this.label = label;
    }

    /**
     * The regime as the table and {@code summary.json} name it.
     *
     * @return the regime as the table and {@code summary.json} name it
     */
    public String label() {
        return label;
    }

    /**
     * Whether a grid point lies in the regime.
     *
     * @param p the probability or point
     * @return whether a grid point lies in the regime
     */
    public boolean contains(SvdVsEigPoint p) {
        return switch (this) {
            case ALL -> true;
            case TALL_SEPARATED -> p.tall() && p.gap() >= 1e-4 && p.kappa() <= 1e6;
            case TALL_ILL_CONDITIONED -> p.tall() && p.kappa() >= 1e9 && p.epsilon() <= 1e-6;
            case TALL_CLUSTERED -> p.tall() && p.gap() <= 1e-8;
            case WIDE -> !p.tall();
        };
    }
}

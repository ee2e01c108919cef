package org.mbp.train;

/** The networks of the Table-1 comparison (§7.1): second-order (O₂P) and first-order (GAP) heads. */
public enum ClassifierVariant {
    /** Convnet → O₂P → classifier. */
    O2P("deepo2p", "DeepO2P", true, false),
    /** Convnet → O₂P → fully connected layer → classifier. */
    O2P_FC("deepo2p-fc", "DeepO2P-FC", true, true),
    /** Convnet → global average pooling → classifier. */
    GAP("gap", "First-order (GAP)", false, false),
    /** Convnet → global average pooling → fully connected layer → classifier. */
    GAP_FC("gap-fc", "First-order-FC (GAP)", false, true);

    private final String id;
    private final String label;
    private final boolean secondOrder;
    private final boolean fullyConnected;

    ClassifierVariant(String id, String label, boolean secondOrder, boolean fullyConnected) {
        this.id = id;
        this.label = label;
        this.secondOrder = secondOrder;
        this.fullyConnected = fullyConnected;
    }

    /**
     * The command-line and folder name.
     *
     * @return the command-line and folder name
     */
    public String id() {
        return id;
    }

    /**
     * The name in tables.
     *
     * @return the name in tables
     */
    public String label() {
        return label;
    }

    /**
     * Whether the structured layer is second-order pooling (O₂P) rather than none.
     *
     * @return whether the structured layer is second-order pooling (O₂P) rather than none
     */
    public boolean secondOrder() {
        return secondOrder;
    }

    /**
     * Whether the classifier ends in fully connected layers.
     *
     * @return whether the classifier ends in fully connected layers
     */
    public boolean fullyConnected() {
        return fullyConnected;
    }

    /**
     * The variant of an id, e.g. {@code deepo2p-fc}.
     *
     * @param id the identifier
     * @return the variant of an id, e.g. {@code deepo2p-fc}
     */
    public static ClassifierVariant of(String id) {
        for (ClassifierVariant v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + id + "': expected deepo2p, deepo2p-fc, gap or gap-fc");
    }
}

package org.mbp.study.gap;

/** The loss whose gradient is measured. */
public enum Loss {
    /** ⟨Ū, U⟩ + ⟨Σ̄, Σ⟩ through the EIG layer: depends on the eigenvectors. */
    EIGENVECTORS,
    /** ⟨G, log Z⟩: gauge-invariant. */
    LOG
}

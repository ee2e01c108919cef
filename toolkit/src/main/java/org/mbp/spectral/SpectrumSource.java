package org.mbp.spectral;

/** Where the gap-stable matrix-function layer takes the eigendecomposition of Z from. */
public enum SpectrumSource {
    /** Symmetric eigendecomposition of Z itself. */
    EIG,
    /**
     * SVD of the features F, with {@code Z = FᵀF + εI = V (ΣᵀΣ + εI) Vᵀ}: the small eigenvalues
     * come out with relative rather than absolute accuracy (paper §7.1 prefers this route).
     */
    SVD
}

/**
 * The spectral layers of the paper: the SVD layer (Prop. 1, eqs. 11–17) and the EIG layer
 * (Prop. 2, eqs. 32–35), the matrix functions of their factors ({@code V g(ΣᵀΣ + εI) Vᵀ},
 * {@code U g(Q) Uᵀ}, Props. 3 and 4), the covariance layer {@code FᵀF + εI} of second-order
 * pooling, and their compositions into DeepO₂P (Cor. 1, eqs. 46–47). The spaces of their factors
 * fix the sign of singular and eigen vectors ({@link org.mbp.spectral.Gauge}), and
 * {@link org.mbp.spectral.GapKernel} chooses how the kernel {@code K} of near-equal values is formed.
 */
package org.mbp.spectral;

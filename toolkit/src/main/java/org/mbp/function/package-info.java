/**
 * Scalar functions g applied to symmetric matrices through their spectrum,
 * {@code g(U Λ Uᵀ) = U g(Λ) Uᵀ} (Props. 3 and 4): log, sqrt, exp, powers and user-supplied
 * functions, each with its derivative, its first divided differences (the kernel of the
 * Daleckii–Krein formula) and the {@link org.mbp.function.Domain} of eigenvalues it is defined on.
 */
package org.mbp.function;

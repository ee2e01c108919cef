/**
 * The gap study: the paper's EIG derivative loses accuracy like ε/gap as eigenvalues merge, since
 * {@code K̃_ij = 1/(σ_i − σ_j)} (eq. 34) blows up; the stabilised kernels (clamped, shifted,
 * Taylor, Lorentzian) trade that for a bias, and the divided differences avoid both.
 */
package org.mbp.study.gap;

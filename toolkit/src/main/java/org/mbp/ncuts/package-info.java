/**
 * The normalized-cuts layers and losses of §6: the similarity layer {@code W = F Λ Fᵀ} (eq. 64),
 * the normalization {@code W ↦ (M, Ω)} (Prop. 5), projectors {@code Π_A = A A⁺} with their
 * derivative (Lemma 1), the projector distance, and the alignment losses J1 (eq. 50) and J2 (eq. 59).
 */
package org.mbp.ncuts;

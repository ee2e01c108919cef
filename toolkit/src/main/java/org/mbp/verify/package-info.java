/**
 * Checks that a layer's derivative is right. {@link org.mbp.verify.Verifier} tests a layer's
 * variation and adjoint against each other (the dot-product test of eq. 10,
 * {@code ⟨Ȳ, L(dX)⟩ = ⟨L*(Ȳ), dX⟩}) and against its forward pass (finite differences with
 * Richardson extrapolation, {@link org.mbp.verify.Ridders}; the Taylor remainder test; forward-mode
 * differentiation, {@link org.mbp.verify.ForwardModeCheck}), with thresholds in
 * {@link org.mbp.verify.Acceptance}. {@link org.mbp.verify.GradientAssertions} offers the same
 * checks as assertions for users' tests; {@link org.mbp.verify.LayerCatalog} lists every layer of
 * the paper on seeded inputs, which {@link org.mbp.verify.CatalogCheck} verifies.
 */
package org.mbp.verify;

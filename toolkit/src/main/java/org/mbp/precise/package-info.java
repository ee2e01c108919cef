/**
 * Reference arithmetic: {@link org.mbp.precise.HighPrecision} runs the layers on Hipparchus
 * {@code Dfp} numbers (about 40 digits by default) and {@link org.mbp.precise.ForwardMode} carries
 * directional derivatives through a layer's forward pass in Hipparchus {@code Gradient} numbers,
 * both through {@link org.mbp.precise.FieldOps} with field-generic Jacobi decompositions
 * ({@link org.mbp.precise.Jacobi}).
 */
package org.mbp.precise;

/**
 * How accurate the gradients are on inputs of controlled difficulty: {@link org.mbp.accuracy.AccuracyCheck}
 * runs each layer family, form and precision over an {@link org.mbp.accuracy.AccuracyGrid} of
 * spectra (well separated, clustered, rank-deficient) against the high-precision reference, gives
 * each cell a {@link org.mbp.accuracy.Verdict}, and compares a run with a stored
 * {@link org.mbp.accuracy.Baseline}: the engine of {@code mbp gradcheck}.
 */
package org.mbp.accuracy;

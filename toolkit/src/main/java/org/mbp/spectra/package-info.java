/**
 * Matrices with a prescribed spectrum, built in high precision: {@link org.mbp.spectra.Spectrum}
 * is the list of values, {@link org.mbp.spectra.ControlledSpectra} draws the spectra (separated,
 * clustered at a given relative gap, rank-deficient) and random orthogonal factors, and
 * {@link org.mbp.spectra.ControlledMatrix} is the result with its exact spectrum.
 */
package org.mbp.spectra;

package org.mbp.accuracy;

import java.util.List;
import org.mbp.precise.HighPrecision;
import org.mbp.spectra.Spectrum;

/**
 * The fixed grid of spectra the gradient accuracy is checked on: well separated, clustered at
 * relative gaps 1e-4, 1e-8 and 1e-12, and rank-deficient (rank n/2).
 *
 * @param size   n, the spectrum size (matrices are about n×n)
 * @param seeds  inputs drawn per cell; the cell reports the median and the maximum error
 * @param digits decimal digits of the high-precision reference
 * @param seed   the seed all inputs derive from
 */
public record AccuracyGrid(int size, int seeds, int digits, long seed) {

    /**
     * Checks the grid's bounds.
     *
     * @param size the size
     * @param seeds inputs drawn per cell; the cell reports the median and the maximum error
     * @param digits decimal digits of the high-precision reference
     * @param seed the random seed
     */
    public AccuracyGrid {
        if (size < 4 || size > 64) {
            throw new IllegalArgumentException("grid size must lie in [4, 64], got " + size);
        }
        if (seeds < 1 || seeds > 100) {
            throw new IllegalArgumentException("seeds per cell must lie in [1, 100], got " + seeds);
        }
    }

    /**
     * The quick grid the test suite runs against the project's baseline: n = 5, one input per cell.
     *
     * @return the quick grid the test suite runs against the project's baseline: n = 5, one input
     *         per cell
     */
    public static AccuracyGrid quick() {
        return new AccuracyGrid(5, 1, HighPrecision.DEFAULT_DIGITS, 20261128L);
    }

    /**
     * The default grid of {@code mbp gradcheck}: n = 8, three inputs per cell.
     *
     * @return the default grid of {@code mbp gradcheck}: n = 8, three inputs per cell
     */
    public static AccuracyGrid standard() {
        return new AccuracyGrid(8, 3, HighPrecision.DEFAULT_DIGITS, 20261128L);
    }

    /** The grid in words, e.g. {@code "n = 5, 1 input(s) per cell, 44-digit reference, seed 20261128"}. */
    @Override
    public String toString() {
        return "n = " + size + ", " + seeds + " input(s) per cell, " + digits + "-digit reference, seed " + seed;
    }

    /**
     * The spectra of the grid, in order.
     *
     * @return the spectra of the grid, in order
     */
    public List<Spectrum> spectra() {
        return List.of(Spectrum.separated(size), Spectrum.clustered(size, 1e-4), Spectrum.clustered(size, 1e-8),
                Spectrum.clustered(size, 1e-12), Spectrum.rankDeficient(size, size / 2));
    }
}

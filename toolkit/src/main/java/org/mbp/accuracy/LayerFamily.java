package org.mbp.accuracy;

import java.util.List;
import org.mbp.backend.MatrixOps;
import org.mbp.spectra.ControlledSpectra;
import org.mbp.spectra.Spectrum;
import org.mbp.spectral.Form;
import org.mbp.verify.LayerCase;

/**
 * A layer of the toolkit as the accuracy grid exercises it: how a prescribed spectrum becomes
 * its input, and the layer in each form on any backend.
 */
public interface LayerFamily {

    /**
     * The name in the grid, e.g. {@code "deepo2p-svd"}.
     *
     * @return the name in the grid, e.g. {@code "deepo2p-svd"}
     */
    String name();

    /**
     * The forms it has: the paper's, and the gap-stable one where it exists.
     *
     * @return the forms it has: the paper's, and the gap-stable one where it exists
     */
    List<Form> forms();

    /**
     * The layer in the given form on a backend, at an input built from the spectrum, with an
     * upstream gradient drawn from the seed. Building the same case on two backends with the
     * same generator seed gives the same input up to rounding.
     *
     * @param inputs             the generator of controlled matrices (fresh for each call, same seed)
     * @param relativeTolerance  the rank tolerance the backend under test uses, so a reference in
     *                           higher precision takes the same rank decisions
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param form the form
     * @param spectrum the spectrum it was built with
     * @param seed the random seed
     * @return the layer in the given form on a backend, at an input built from the spectrum, with
     *         an upstream gradient drawn from the seed
     */
    <M> LayerCase<M, ?, ?> build(MatrixOps<M> ops, Form form, Spectrum spectrum,
            ControlledSpectra inputs, long seed, double relativeTolerance);
}

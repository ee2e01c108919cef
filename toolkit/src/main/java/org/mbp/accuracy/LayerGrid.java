package org.mbp.accuracy;

import java.util.List;
import java.util.Objects;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.BatchExecutor;
import org.mbp.layer.Layer;
import org.mbp.layer.LayerFactory;
import org.mbp.spectra.ControlledMatrix;
import org.mbp.spectra.ControlledSpectra;
import org.mbp.spectra.Spectrum;
import org.mbp.spectral.Form;
import org.mbp.verify.LayerCase;

/**
 * The accuracy grid of {@code mbp gradcheck} for a user's own layer: the layer's gradient in each
 * precision on each of the grid's spectra (well separated, clustered at relative gaps 1e-4, 1e-8,
 * 1e-12, rank-deficient) against the same layer at high precision, with a verdict that weighs
 * the error against the input's conditioning ({@link Verdict}). Compared with a stored baseline,
 * it tells a test when a change made the layer's gradient less accurate:
 *
 * <pre>{@code
 * @Test
 * void noAccuracyRegression() throws IOException {
 *     LayerGridResult result = LayerGrid.of("cubic", o -> new Cubic<>(o)).run();
 *     result.assertPassing();
 *     result.assertNoRegression(Path.of("src/test/resources/cubic-baseline.json"), 10);
 * }
 * }</pre>
 *
 * <p>The grid measures rounding, not the formula: the reference runs the same layer code at high
 * precision. That the formula is the derivative is what
 * {@link org.mbp.verify.GradientAssertions#assertMatchesReference} checks.
 */
public final class LayerGrid {

    /** How a spectrum of size n becomes the layer's input. */
    public enum Input {
        /** An (n+2)×n matrix with the spectrum as singular values. */
        GENERAL,
        /** A symmetric n×n matrix with the spectrum as eigenvalues. */
        SYMMETRIC,
        /** A symmetric n×n matrix with the spectrum plus 1e-3 as eigenvalues, so positive definite. */
        SYMMETRIC_POSITIVE_DEFINITE;

        ControlledMatrix matrix(ControlledSpectra inputs, Spectrum spectrum) {
            return switch (this) {
                case GENERAL -> inputs.general(spectrum.size() + 2, spectrum.size(), spectrum);
                case SYMMETRIC -> inputs.symmetric(spectrum);
                case SYMMETRIC_POSITIVE_DEFINITE -> inputs.symmetric(spectrum.shifted(LayerFamilies.EPSILON));
            };
        }
    }

    private final String name;
    private final LayerFactory factory;
    private final Input input;
    private final AccuracyGrid grid;
    private final List<? extends MatrixOps<?>> precisions;
    private final int threads;

    private LayerGrid(String name, LayerFactory factory, Input input, AccuracyGrid grid,
            List<? extends MatrixOps<?>> precisions, int threads) {
        this.name = name;
        this.factory = factory;
        this.input = input;
        this.grid = grid;
        this.precisions = precisions;
        this.threads = threads;
    }

    /**
     * The quick grid (n = 5, one input per cell) of a layer that takes a general matrix, in
     * double and float, on one thread per processor.
     *
     * @param name    the layer's name in the cells' keys, e.g. {@code "cubic"}
     * @param factory builds the layer on any backend; the layer takes one matrix and gives one
     * @return the grid
     */
    public static LayerGrid of(String name, LayerFactory factory) {
        if (name == null || name.isBlank() || name.contains("|")) {
            throw new IllegalArgumentException("a layer grid needs a name without '|', got " + name);
        }
        return new LayerGrid(name, Objects.requireNonNull(factory, "factory"), Input.GENERAL, AccuracyGrid.quick(),
                AccuracyCheck.defaultBackends(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * This grid with another kind of input.
     *
     * @param kind how a spectrum becomes the input
     * @return the new grid
     */
    public LayerGrid withInput(Input kind) {
        return new LayerGrid(name, factory, Objects.requireNonNull(kind, "input"), grid, precisions, threads);
    }

    /**
     * This grid with another size, inputs per cell, reference digits or seed, e.g.
     * {@link AccuracyGrid#standard()}.
     *
     * @param spec the grid
     * @return the new grid
     */
    public LayerGrid withGrid(AccuracyGrid spec) {
        return new LayerGrid(name, factory, input, Objects.requireNonNull(spec, "grid"), precisions, threads);
    }

    /**
     * This grid on other backends, e.g. a GPU's.
     *
     * @param backends the backends, at least one
     * @return the new grid
     */
    public LayerGrid withPrecisions(List<? extends MatrixOps<?>> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("a layer grid needs at least one precision");
        }
        return new LayerGrid(name, factory, input, grid, List.copyOf(backends), threads);
    }

    /**
     * This grid on another number of threads.
     *
     * @param count worker threads, at least 1
     * @return the new grid
     */
    public LayerGrid withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a layer grid needs at least one thread, got " + count);
        }
        return new LayerGrid(name, factory, input, grid, precisions, count);
    }

    /**
     * Runs every precision on every spectrum of the grid.
     *
     * @return the cells, in the order precision × spectrum
     */
    public LayerGridResult run() {
        List<CellResult> cells;
        try (BatchExecutor executor = new BatchExecutor(threads)) {
            cells = AccuracyCheck.run(grid, List.of(new UserFamily()), precisions, executor, r -> {
            });
        }
        return new LayerGridResult(name, grid, precisions.stream().map(MatrixOps::name).toList(), cells);
    }

    /** The user's layer as a family of one form, the formula as written. */
    private final class UserFamily implements LayerFamily {

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Form> forms() {
            return List.of(Form.PAPER);
        }

        @Override
        public <M> LayerCase<M, ?, ?> build(MatrixOps<M> ops, Form form, Spectrum spectrum, ControlledSpectra inputs,
                long seed, double relativeTolerance) {
            return at(factory.on(ops), input.matrix(inputs, spectrum).in(ops), ops, seed);
        }

        private <M, X, Y> LayerCase<M, X, Y> at(Layer<M, X, Y> layer, M x, MatrixOps<M> ops, long seed) {
            return LayerFamilies.withUpstream(name, "user layer", layer, layer.inputSpace().single(x), ops, seed);
        }
    }
}

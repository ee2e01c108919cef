package org.mbp.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs a layer (or any per-item computation) over a batch of inputs in parallel, one item per
 * task, on a pool of a fixed number of threads. Results keep the order of the inputs, and each
 * item's arithmetic does not depend on the thread count, so results are identical for any
 * number of threads. Layers and backends are stateless, so items share them safely.
 */
public final class BatchExecutor implements AutoCloseable {

    /** The most worker threads an executor takes: far above any useful count, below the pool's own limit. */
    public static final int MAX_THREADS = 4096;

    private final int threads;
    private final ForkJoinPool pool;

    /** @param threads worker threads (1 to {@link #MAX_THREADS}); {@code availableProcessors()} is the usual choice */
    public BatchExecutor(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be from 1 to " + MAX_THREADS + ", got " + threads);
        }
        this.threads = threads;
        this.pool = new ForkJoinPool(threads);
    }

    /**
     * An executor with one thread per available processor.
     *
     * @return an executor with one thread per available processor
     */
    public static BatchExecutor allCores() {
        return new BatchExecutor(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The number of threads the batch is spread over.
     *
     * @return the number of threads the batch is spread over
     */
    public int threads() {
        return threads;
    }

    /**
     * {@code function} applied to every input, results in input order.
     *
     * @param <T> the element type
     * @param <R> the result type
     * @param inputs the inputs
     * @param function the function to apply
     * @return {@code function} applied to every input, results in input order
     */
    public <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> function) {
        if (threads == 1) {
            List<R> out = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                out.add(function.apply(input));
            }
            return out;
        }
        try {
            return pool.submit(() -> IntStream.range(0, inputs.size()).parallel()
                    .<R>mapToObj(i -> function.apply(inputs.get(i))).toList()).join();
        } catch (RuntimeException e) {
            throw original(e);
        }
    }

    /**
     * The exception an item threw. A fork-join join re-creates exceptions from worker threads
     * as a copy whose cause is the original; the caller gets the original with its message.
     */
    private static RuntimeException original(RuntimeException e) {
        RuntimeException current = e;
        while (current.getCause() instanceof RuntimeException cause && cause.getClass() == current.getClass()) {
            current = cause;
        }
        return current;
    }

    /**
     * The forward pass of {@code layer} on every input.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param inputs the inputs
     * @return the forward pass of {@code layer} on every input
     */
    public <M, X, Y> List<Linearization<M, X, Y>> forward(Layer<M, X, Y> layer, List<X> inputs) {
        return map(inputs, layer::forward);
    }

    /**
     * Forward and adjoint of {@code layer} for every (input, upstream gradient) pair.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param inputs the inputs
     * @param upstreams the upstream gradients
     * @return forward and adjoint of {@code layer} for every (input, upstream gradient) pair
     */
    public <M, X, Y> List<X> gradients(Layer<M, X, Y> layer, List<X> inputs, List<Y> upstreams) {
        if (inputs.size() != upstreams.size()) {
            throw new IllegalArgumentException("batch: " + inputs.size() + " inputs but "
                    + upstreams.size() + " upstream gradients");
        }
        return map(IntStream.range(0, inputs.size()).boxed().toList(),
                i -> layer.forward(inputs.get(i)).adjoint(upstreams.get(i)));
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}

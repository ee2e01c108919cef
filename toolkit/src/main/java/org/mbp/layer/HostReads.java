package org.mbp.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.mbp.backend.BatchOps;
import org.mbp.backend.MatrixOps;

/**
 * What the host needs from the backends during one training step, read together. On a device every
 * read is a synchronisation: the host waits for everything launched before it. Outside a step, and
 * on a backend whose matrices are in host memory ({@link MatrixOps#holdsOnHost}), {@link #of} reads
 * at once and a check runs at once, as every layer always did. Inside {@link #during}, on the
 * thread that runs the step, a device backend's reads and checks are queued instead: the first
 * {@link Value#values} of a value not yet read reads everything queued so far in one transfer (each
 * matrix flattened and stacked into one vector, the vectors of other backends converted into the
 * most precise one), then runs the queued checks in the order they were made, so the first failing
 * check throws exactly as it would have at once, and only then hands out the values. A step that
 * reads its logits after the forward pass and its gradients after the backward pass thus waits for
 * the device twice, whatever the number of layers and their checks. What is still queued when the
 * step ends is read and checked then; and when the step fails (a decomposition of the non-finite
 * input a queued check would have refused, say), the queued checks run first, and the first that
 * fails is what the step fails with.
 *
 * <p>Queued checks cost the backend no read: a finiteness check ({@link #whenNonFinite}) queues the
 * row sums of {@code 0·A} (zero, or NaN in a row with a non-finite entry), and reads A itself only
 * to name the entry when one is found.
 */
public final class HostReads {

    private static final ThreadLocal<HostReads> CURRENT = new ThreadLocal<>();
    private static final Map<Integer, int[]> FLAT = new ConcurrentHashMap<>();

    private final List<Queued<?>> queued = new ArrayList<>();

    private HostReads() {
    }

    /** Values of a matrix for the host, read now or with the rest of a step's reads. */
    public static final class Value {

        private final HostReads owner;
        private double[] values;

        private Value(HostReads owner, double[] values) {
            this.owner = owner;
            this.values = values;
        }

        /**
         * The matrix's entries, row-major (a batch's examples one after another): read now, with
         * everything queued before, if they are not yet on the host.
         *
         * @return the entries
         */
        public double[] values() {
            if (values == null) {
                owner.read();
            }
            return values;
        }
    }

    /** A queued read: the matrix, where its values go, and the host check they must pass. */
    private record Queued<M>(MatrixOps<M> ops, M matrix, Value value, Consumer<double[]> check) {
    }

    /**
     * Runs one step with its reads queued on this thread, and reads and checks what is still queued
     * at its end. A step inside a step joins the outer one.
     *
     * @param <T> what the step returns
     * @param step the step
     * @return what the step returns
     */
    public static <T> T during(Supplier<T> step) {
        if (CURRENT.get() != null) {
            return step.get();
        }
        HostReads reads = new HostReads();
        CURRENT.set(reads);
        try {
            T result;
            try {
                result = step.get();
            } catch (RuntimeException failure) {
                throw reads.cause(failure);
            }
            reads.read();
            return result;
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * The entries of {@code a} for the host: read now outside a step, queued inside one.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that holds {@code a}
     * @param a the matrix
     * @return its values, now or when first asked for
     */
    public static <M> Value of(MatrixOps<M> ops, M a) {
        return of(ops, a, values -> {
        });
    }

    /**
     * The entries of {@code a} for the host, which must pass {@code check} (which throws
     * otherwise): read and checked now outside a step; inside one, checked in order with the other
     * queued checks before any value of the read is handed out.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that holds {@code a}
     * @param a the matrix
     * @param check the check of its values
     * @return its values, now or when first asked for
     */
    public static <M> Value of(MatrixOps<M> ops, M a, Consumer<double[]> check) {
        HostReads reads = ops.holdsOnHost() ? null : CURRENT.get();
        if (reads == null) {
            double[] values = ops.toRowMajor(a);
            check.accept(values);
            return new Value(null, values);
        }
        Value value = new Value(reads, null);
        reads.queued.add(new Queued<>(ops, a, value, check));
        return value;
    }

    /**
     * Runs {@code failure} (which throws) when {@code a} has a NaN or infinite entry: at once outside
     * a step (one {@link MatrixOps#isFinite}); inside one, with the step's next read, from the row
     * sums of {@code 0·A}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that holds {@code a}
     * @param a the matrix
     * @param failure what reports the non-finite entry
     */
    public static <M> void whenNonFinite(MatrixOps<M> ops, M a, Runnable failure) {
        if (ops.holdsOnHost() || CURRENT.get() == null) {
            if (!ops.isFinite(a)) {
                failure.run();
            }
            return;
        }
        of(ops, ops.rowSums(ops.scale(0, a)), probe -> {
            for (double p : probe) {
                if (!Double.isFinite(p)) {
                    failure.run();
                    return;
                }
            }
        });
    }

    /**
     * What a step that failed failed of: a queued check that fails (a non-finite input a
     * decomposition then choked on, say) is the cause, with the later failure attached; otherwise
     * the failure itself.
     */
    private RuntimeException cause(RuntimeException failure) {
        try {
            read();
        } catch (RuntimeException check) {
            check.addSuppressed(failure);
            return check;
        }
        return failure;
    }

    /** Reads everything queued in one transfer, then runs the checks in order. */
    private void read() {
        if (queued.isEmpty()) {
            return;
        }
        List<Queued<?>> batch = List.copyOf(queued);
        queued.clear();
        MatrixOps<?> target = unbatched(batch.get(0).ops());
        for (Queued<?> q : batch) {
            if (q.ops().epsilon() < target.epsilon()) {
                target = unbatched(q.ops());
            }
        }
        double[] all = transfer(target, batch);
        int at = 0;
        for (Queued<?> q : batch) {
            int size = size(q);
            q.value().values = Arrays.copyOfRange(all, at, at + size);
            at += size;
        }
        for (Queued<?> q : batch) {
            q.check().accept(q.value().values);
        }
    }

    /** The backend of single matrices that holds a value of {@code ops}: itself, or a batch's base. */
    private static <M> MatrixOps<M> unbatched(MatrixOps<M> ops) {
        return ops instanceof BatchOps<M> batch ? batch.base() : ops;
    }

    private static <M> int size(Queued<M> q) {
        MatrixOps<M> ops = unbatched(q.ops());
        return ops.rows(q.matrix()) * ops.cols(q.matrix());
    }

    /** Every queued matrix flattened, in order, in {@code target}'s arithmetic, as one host read. */
    private static <T> double[] transfer(MatrixOps<T> target, List<Queued<?>> batch) {
        List<T> columns = new ArrayList<>(batch.size());
        for (Queued<?> q : batch) {
            columns.add(flattenedInto(target, q));
        }
        return target.toRowMajor(columns.size() == 1 ? columns.get(0) : target.stack(columns));
    }

    /** The matrix as one column (its row-major entries), in {@code target}. */
    @SuppressWarnings("unchecked")
    private static <T, M> T flattenedInto(MatrixOps<T> target, Queued<M> q) {
        MatrixOps<M> ops = unbatched(q.ops());
        M a = q.matrix();
        int size = size(q);
        M column = ops.cols(a) == 1 ? a : ops.gather(a, FLAT.computeIfAbsent(size,
                n -> IntStream.range(0, n).toArray()), size, 1);
        return ops == (Object) target ? (T) column : target.copyOf(ops, column);
    }
}

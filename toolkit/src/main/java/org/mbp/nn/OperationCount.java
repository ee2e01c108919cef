package org.mbp.nn;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.mbp.backend.MatrixOps;

/**
 * Counts the operations a backend is asked for: every call of a {@link MatrixOps} or
 * {@link ImageOps} method that computes (shape and name queries are not operations), and among
 * them the reads, whose answer the host must have (a number or an array): on a device each
 * operation is at least one kernel launch and each read a synchronisation. An upload
 * ({@link MatrixOps#fromRowMajor}) counts as a read too when operations were asked for since the
 * last read, as on a device, where a copy from the host's pageable memory first waits for the
 * work queued before it; an upload with nothing queued (the next step's images, after the last
 * step's read) waits for nothing. A backend without image
 * kernels gets {@link HostImageOps} over the uncounted backend, each image operation counted as
 * one, as the kernel that does it on a device; and the counted backend says it does not hold its
 * matrices on the host ({@link MatrixOps#holdsOnHost}), so that the layers take the path they take
 * on a device (their reads queued within a training step) and the counts are that path's. A composite operation
 * written once as a default method, where the backend does not implement it itself, counts as the
 * operations it is made of. The counts are cumulative and thread-safe; {@link #reset} starts
 * again.
 */
public final class OperationCount {

    private static final Set<String> QUERIES = Set.of("name", "epsilon", "rows", "cols", "toString", "hashCode",
            "equals");

    private final LongAdder operations = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * A counter with nothing counted yet.
     */
    public OperationCount() {
    }

    /**
     * {@code ops} with every operation counted here: the same results, through a proxy of
     * {@link MatrixOps} and of {@link ImageOps} (the backend's own image kernels, or
     * {@link HostImageOps} over it).
     *
     * @param <M> the backend's matrix type
     * @param ops the backend
     * @return the counted backend
     */
    @SuppressWarnings("unchecked")
    public <M> MatrixOps<M> counted(MatrixOps<M> ops) {
        ImageOps<M> images = ImageOps.of(ops);
        InvocationHandler handler = (proxy, method, args) -> {
            Object target = method.getDeclaringClass() == ImageOps.class ? images : ops;
            if (method.getName().equals("holdsOnHost")) {
                return false;
            }
            if (QUERIES.contains(method.getName())) {
                return invoke(method, target, args);
            }
            if (target.getClass().getMethod(method.getName(), method.getParameterTypes()).isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            operations.increment();
            Class<?> answer = method.getReturnType();
            boolean read = answer.isPrimitive() && answer != void.class || answer.isArray();
            boolean upload = method.getName().equals("fromRowMajor");
            if (read || upload && queued.get()) {
                reads.increment();
            }
            queued.set(!read && !upload);
            return invoke(method, target, args);
        };
        return (MatrixOps<M>) Proxy.newProxyInstance(MatrixOps.class.getClassLoader(),
                new Class<?>[] {MatrixOps.class, ImageOps.class}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Operations counted so far.
     *
     * @return the number of operations
     */
    public long operations() {
        return operations.sum();
    }

    /**
     * Reads (operations whose answer the host waits for, and uploads issued after queued
     * operations) counted so far.
     *
     * @return the number of reads
     */
    public long reads() {
        return reads.sum();
    }

    /** Forgets what was counted. */
    public void reset() {
        operations.reset();
        reads.reset();
        queued.set(false);
    }
}

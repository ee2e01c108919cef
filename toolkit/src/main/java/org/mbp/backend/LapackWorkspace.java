package org.mbp.backend;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * The native buffers of one thread's LAPACK calls ({@link LapackEngine}): the matrix LAPACK
 * overwrites, the factors it writes and its work arrays, each grown to the largest size asked for
 * and then reused, so that a thread decomposing matrices of one shape allocates once.
 */
final class LapackWorkspace {

    private static final ThreadLocal<LapackWorkspace> CURRENT = ThreadLocal.withInitial(LapackWorkspace::new);

    /** What each buffer holds in a call. */
    enum Slot {
        /** The input, overwritten by LAPACK (by the eigenvectors in {@code ?syevd}). */
        MATRIX,
        /** Eigenvalues or singular values. */
        VALUES,
        /** {@code ?gesdd}'s left factor (of the column-major problem). */
        LEFT,
        /** {@code ?gesdd}'s transposed right factor (of the column-major problem). */
        RIGHT,
        /** The floating-point work array (its first entry answers a size query). */
        WORK
    }

    private final DoublePointer[] doubles = new DoublePointer[Slot.values().length];
    private final FloatPointer[] floats = new FloatPointer[Slot.values().length];
    private IntPointer ints;

    private LapackWorkspace() {
    }

    /** This thread's workspace. */
    static LapackWorkspace current() {
        return CURRENT.get();
    }

    /** A double buffer of at least {@code size} entries (at least one). */
    DoublePointer doubles(Slot slot, long size) {
        DoublePointer p = doubles[slot.ordinal()];
        if (p == null || p.capacity() < size) {
            p = new DoublePointer(Math.max(1, size));
            doubles[slot.ordinal()] = p;
        }
        return p;
    }

    /** A float buffer of at least {@code size} entries (at least one). */
    FloatPointer floats(Slot slot, long size) {
        FloatPointer p = floats[slot.ordinal()];
        if (p == null || p.capacity() < size) {
            p = new FloatPointer(Math.max(1, size));
            floats[slot.ordinal()] = p;
        }
        return p;
    }

    /** The integer work array, of at least {@code size} entries (at least one). */
    IntPointer ints(long size) {
        if (ints == null || ints.capacity() < size) {
            ints = new IntPointer(Math.max(1, size));
        }
        return ints;
    }
}

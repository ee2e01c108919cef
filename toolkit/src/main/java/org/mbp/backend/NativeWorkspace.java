package org.mbp.backend;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * The native buffers of one thread's OpenBLAS calls: for {@link LapackEngine}, the matrix LAPACK
 * overwrites, the factors it writes and its work arrays; for {@link OpenBlas}' products, the two
 * operands and the result. Each is grown to the largest size asked for and then reused, so that a
 * thread working on matrices of one shape allocates once. Operands are copied in and out of these
 * buffers rather than handed to OpenBLAS as Java arrays: JavaCPP passes an array through a
 * temporary native copy of its own, and at some orders (128, 512) that copy's placement made
 * {@code cblas_dgemm} 4–5× slower than on these buffers (measured 2026-12-06).
 */
final class NativeWorkspace {

    private static final ThreadLocal<NativeWorkspace> CURRENT = ThreadLocal.withInitial(NativeWorkspace::new);

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
        WORK,
        /** A product's left operand A. */
        OPERAND_A,
        /** A product's right operand B. */
        OPERAND_B,
        /** A product's result C. */
        PRODUCT
    }

    private final DoublePointer[] doubles = new DoublePointer[Slot.values().length];
    private final FloatPointer[] floats = new FloatPointer[Slot.values().length];
    private IntPointer ints;

    private NativeWorkspace() {
    }

    /** This thread's workspace. */
    static NativeWorkspace current() {
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

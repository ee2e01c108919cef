package org.mbp.spectral;

import org.mbp.backend.MatrixOps;

/** Sign fixing of singular and eigen vectors, shared by the spectral spaces. */
final class Gauge {

    private Gauge() {
    }

    /** ±1 per column, so that column j of {@code a} times its sign points like column j of ref. */
    static <M> M columnSigns(MatrixOps<M> ops, M a, M ref) {
        return ops.map(ops.diagonalOfProduct(ops.transpose(a), ref), x -> x < 0 ? -1.0 : 1.0);
    }
}

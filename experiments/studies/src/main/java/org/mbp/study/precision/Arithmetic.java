package org.mbp.study.precision;

import org.mbp.backend.EjmlOps;

/** The precision a gradient is computed in: its inputs and outputs, and the layer between them. */
public enum Arithmetic {
    /** Double throughout. */
    DOUBLE,
    /** Float throughout. */
    FLOAT,
    /** Float inputs and outputs around the layer computed in double, as the paper ran its structured layers. */
    MIXED;

    /** The precision of the inputs and outputs. */
    EjmlOps input() {
        return this == DOUBLE ? EjmlOps.DOUBLE : EjmlOps.FLOAT;
    }

    /** The precision the layer computes in. */
    EjmlOps compute() {
        return this == FLOAT ? EjmlOps.FLOAT : EjmlOps.DOUBLE;
    }
}

package org.mbp.study.rank;

import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.Layer;
import org.mbp.ncuts.NCutsLosses;

/** The normalized-cuts loss descended on. */
public enum Loss {
    /** J1 = ½ ‖Π_M − Π_Ω‖_F² (eq. 50), through the normalization (M, Ω) of W. */
    J1,
    /** J2 = ½ ‖Π_W − Π_Ψ‖_F² (eq. 59). */
    J2;

    /** The loss of W against the target segmentation E, with projectors at a relative rank tolerance. */
    Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> of(EjmlOps ops, SimpleMatrix e, double rankTolerance) {
        return this == J1 ? NCutsLosses.j1(ops, e, rankTolerance) : NCutsLosses.j2(ops, e, rankTolerance);
    }
}

package org.example.layers;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * {@code Y = A Aᵀ A}, written by hand as mbp's layers are: the forward pass, its variation
 * {@code dY = dA AᵀA + A dAᵀ A + A Aᵀ dA}, and the adjoint
 * {@code Ā = Ȳ AᵀA + A Ȳᵀ A + A Aᵀ Ȳ}.
 *
 * @param <M> the backend's matrix type
 */
public final class Cubic<M> extends AbstractLayer<M, M, M> {

    /**
     * The layer on a backend.
     *
     * @param ops the backend
     */
    public Cubic(MatrixOps<M> ops) {
        super("cubic", ops, MatrixSpace.of("A", Structure.GENERAL), MatrixSpace.of("Y", Structure.GENERAL));
    }

    @Override
    public Linearization<M, M, M> forward(M a) {
        MatrixOps<M> o = ops();
        M ata = o.multTransA(a, a);
        M aat = o.multTransB(a, a);
        return Linearization.of(o.mult(aat, a), Diagnostics.none(),
                da -> o.add(o.add(o.mult(da, ata), o.mult(o.multTransB(a, da), a)), o.mult(aat, da)),
                y -> o.add(o.add(o.mult(y, ata), o.mult(o.multTransB(a, y), a)), o.mult(aat, y)));
    }
}

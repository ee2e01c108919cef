package org.mbp.spectral;

import java.util.List;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Space;
import org.mbp.layer.Structure;

/**
 * The space of eigen factors {@code (U, Σ)}; each eigenvector is defined up to its sign, which
 * {@link #align} fixes against a reference.
 */
public final class EigSpace<M> implements Space<M, EigFactors<M>> {

    private final MatrixOps<M> ops;
    private final Structure eigenvalues;

    /**
     * @param eigenvalues {@link Structure#DIAGONAL}, or {@link Structure#POSITIVE_DIAGONAL} when
     *                    the consumer (log, sqrt) needs a positive spectrum
     * @param ops the backend that computes
     */
    public EigSpace(MatrixOps<M> ops, Structure eigenvalues) {
        this.ops = ops;
        this.eigenvalues = eigenvalues;
    }

    @Override
    public List<M> parts(EigFactors<M> x) {
        return List.of(x.u(), x.sigma());
    }

    @Override
    public EigFactors<M> assemble(List<M> parts) {
        return new EigFactors<>(parts.get(0), parts.get(1));
    }

    @Override
    public List<String> names() {
        return List.of("U", "Σ");
    }

    @Override
    public List<Structure> structures() {
        return List.of(Structure.GENERAL, eigenvalues);
    }

    @Override
    public EigFactors<M> align(EigFactors<M> candidate, EigFactors<M> reference) {
        M signs = Gauge.columnSigns(ops, candidate.u(), reference.u());
        return new EigFactors<>(ops.scaleColumns(candidate.u(), signs), candidate.sigma());
    }
}

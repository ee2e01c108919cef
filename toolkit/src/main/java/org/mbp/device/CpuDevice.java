package org.mbp.device;

import java.util.function.Consumer;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;

/** The CPU: {@link EjmlOps#fastest}, products and decompositions in OpenBLAS where its native library loads. */
final class CpuDevice implements ComputeDevice {

    static final CpuDevice INSTANCE = new CpuDevice();

    private CpuDevice() {
    }

    /** The CPU, telling {@code notice} in one line when the products run in EJML and why. */
    static ComputeDevice noticing(Consumer<String> notice) {
        EjmlOps.openBlasUnavailableReason()
                .ifPresent(why -> notice.accept("matrix products and decompositions in EJML: " + why));
        return INSTANCE;
    }

    @Override
    public boolean isGpu() {
        return false;
    }

    @Override
    public String describe() {
        return "cpu";
    }

    @Override
    public MatrixOps<?> backend(Precision precision) {
        return EjmlOps.fastest(precision);
    }

    @Override
    public MixedPrecision<?> backends(Precision trunk, Precision structured) {
        return MixedPrecision.cpu(trunk, structured);
    }
}

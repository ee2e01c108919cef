package org.mbp.cuda;

import org.mbp.backend.MatrixOps;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;
import org.mbp.device.ComputeDevice;

/** A GPU as a {@link ComputeDevice}: {@link CudaOps} of either precision on one context. */
public final class CudaDevice implements ComputeDevice {

    private final CudaContext context;

    CudaDevice(CudaContext context) {
        this.context = context;
    }

    /**
     * The device's context.
     *
     * @return the device's context
     */
    public CudaContext context() {
        return context;
    }

    @Override
    public boolean isGpu() {
        return true;
    }

    @Override
    public String describe() {
        return context.device().describe();
    }

    @Override
    public MatrixOps<?> backend(Precision precision) {
        return new CudaOps(context, precision);
    }

    @Override
    public MixedPrecision<?> backends(Precision trunk, Precision structured) {
        return new MixedPrecision<>(new CudaOps(context, trunk), new CudaOps(context, structured));
    }
}

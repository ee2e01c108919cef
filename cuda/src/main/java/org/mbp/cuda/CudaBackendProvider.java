package org.mbp.cuda;

import org.mbp.device.BackendProvider;
import org.mbp.device.ComputeDevice;
import org.mbp.device.DeviceUnavailableException;

/**
 * The GPU backend's entry for {@link java.util.ServiceLoader} (registered in
 * {@code META-INF/services/org.mbp.device.BackendProvider}): the first CUDA device, with the
 * {@value #FIRST_MODULE} kernels loaded at once so that a driver too old for our PTX is found
 * before any work starts.
 */
public final class CudaBackendProvider implements BackendProvider {

    /** The module every GPU selection loads first. */
    static final String FIRST_MODULE = "dense";

    /**
     * @throws DeviceUnavailableException without a driver, a device, or a driver that loads our kernels
     */
    @Override
    public ComputeDevice open() {
        CudaContext context = CudaContext.open(0);
        context.kernels(FIRST_MODULE);
        return new CudaDevice(context);
    }
}

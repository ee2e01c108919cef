package org.mbp.device;

/**
 * A GPU backend, found with {@link java.util.ServiceLoader} (a module registers its class in
 * {@code META-INF/services/org.mbp.device.BackendProvider}; {@code mbp-cuda} registers
 * {@code org.mbp.cuda.CudaBackendProvider}). The library consults providers only when asked for
 * {@link Device#AUTO} or {@link Device#GPU}, so a CPU run never loads one.
 */
public interface BackendProvider {

    /**
     * Opens the provider's first device.
     *
     * @return the compute device
     * @throws DeviceUnavailableException with a one-line reason when there is no usable device
     */
    ComputeDevice open();
}

package org.mbp.device;

import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;

/** A place to compute, and the backends it offers: {@link EjmlOps} on the CPU, or a GPU's. */
public interface ComputeDevice {

    /**
     * Whether this is a GPU.
     *
     * @return whether this is a GPU
     */
    boolean isGpu();

    /**
     * "cpu", or the GPU's one-line description.
     *
     * @return "cpu", or the GPU's one-line description
     */
    String describe();

    /**
     * The backend of {@code precision} on this device.
     *
     * @param precision the arithmetic precision
     * @return the backend of {@code precision} on this device
     */
    MatrixOps<?> backend(Precision precision);

    /**
     * The conventional and structured layers' backends on this device in the given precisions.
     *
     * @param trunk the conventional layers' backend
     * @param structured the structured layer
     * @return the conventional and structured layers' backends on this device in the given
     *         precisions
     */
    MixedPrecision<?> backends(Precision trunk, Precision structured);

    /**
     * The CPU: {@link EjmlOps#fastest} (products in OpenBLAS where it loads).
     *
     * @return the CPU: {@link EjmlOps#fastest} (products in OpenBLAS where it loads)
     */
    static ComputeDevice cpu() {
        return CpuDevice.INSTANCE;
    }

    /**
     * The device for {@code choice}; {@code notice} receives the one line saying where an
     * {@code auto} choice went (and why when it is the CPU), and why products run in EJML where
     * OpenBLAS does not load. {@link Device#CPU} looks for no GPU backend.
     *
     * @param choice the choice
     * @param notice the notice
     * @return the device for {@code choice}; {@code notice} receives the one line saying where an
     *         {@code auto} choice went (and why when it is the CPU), and why products run in EJML where
     *         OpenBLAS does not load
     * @throws DeviceUnavailableException for {@link Device#GPU} without a usable GPU
     */
    static ComputeDevice select(Device choice, Consumer<String> notice) {
        if (choice == Device.CPU) {
            return CpuDevice.noticing(notice);
        }
        try {
            ComputeDevice gpu = ServiceLoader.load(BackendProvider.class).findFirst()
                    .orElseThrow(() -> new DeviceUnavailableException("no GPU backend (mbp-cuda) on the class path"))
                    .open();
            if (choice == Device.AUTO) {
                notice.accept("computing on the " + gpu.describe());
            }
            return gpu;
        } catch (DeviceUnavailableException e) {
            if (choice == Device.GPU) {
                throw new DeviceUnavailableException("--device gpu: " + e.getMessage(), e);
            }
            notice.accept("computing on the CPU (" + e.getMessage() + ")");
            return CpuDevice.noticing(notice);
        }
    }
}

package org.mbp.cuda;

import java.util.Locale;
import java.util.function.Consumer;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;

/**
 * Where a command computes, from {@code --device auto|cpu|gpu}. {@code auto} takes the GPU when a
 * driver, a device and our kernels all work, else the CPU, and says which in one line; {@code gpu}
 * fails with the reason when there is none; {@code cpu} never touches the driver.
 */
public final class ComputeDevice {

    /** The user's choice. */
    public enum Choice {
        AUTO, CPU, GPU;

        /**
         * @throws IllegalArgumentException for anything but auto, cpu or gpu
         */
        public static Choice parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "cpu" -> CPU;
                case "gpu" -> GPU;
                default -> throw new IllegalArgumentException("--device must be auto, cpu or gpu, got '" + value + "'");
            };
        }
    }

    /** The module every GPU selection loads first, so that a driver too old for our PTX is found at once. */
    static final String FIRST_MODULE = "dense";

    private final CudaContext context;

    private ComputeDevice(CudaContext context) {
        this.context = context;
    }

    /** The CPU. */
    public static ComputeDevice cpu() {
        return new ComputeDevice(null);
    }

    /**
     * The device for {@code choice}; {@code notice} receives the one line saying where an
     * {@code auto} choice went, and why when it is the CPU.
     *
     * @throws GpuUnavailableException for {@code gpu} without a usable GPU
     */
    public static ComputeDevice select(Choice choice, Consumer<String> notice) {
        if (choice == Choice.CPU) {
            return cpuNoticing(notice);
        }
        try {
            CudaContext context = CudaContext.open(0);
            context.kernels(FIRST_MODULE);
            if (choice == Choice.AUTO) {
                notice.accept("computing on the " + context.device().describe());
            }
            return new ComputeDevice(context);
        } catch (GpuUnavailableException e) {
            if (choice == Choice.GPU) {
                throw new GpuUnavailableException("--device gpu: " + e.getMessage(), e);
            }
            notice.accept("computing on the CPU (" + e.getMessage() + ")");
            return cpuNoticing(notice);
        }
    }

    private static ComputeDevice cpuNoticing(Consumer<String> notice) {
        EjmlOps.openBlasUnavailableReason().ifPresent(why -> notice.accept("matrix products in EJML: " + why));
        return cpu();
    }

    /** Whether this is a GPU. */
    public boolean isGpu() {
        return context != null;
    }

    /** The GPU's context. */
    public CudaContext context() {
        if (context == null) {
            throw new IllegalStateException("the CPU has no CUDA context");
        }
        return context;
    }

    /** "cpu", or the GPU's one-line description. */
    public String describe() {
        return context == null ? "cpu" : context.device().describe();
    }

    /** The backend of {@code precision} on this device: {@link EjmlOps} or {@link CudaOps}. */
    public MatrixOps<?> backend(Precision precision) {
        return context == null ? EjmlOps.fastest(precision) : new CudaOps(context, precision);
    }

    /** The conventional and structured layers' backends on this device in the given precisions. */
    public MixedPrecision<?> backends(Precision trunk, Precision structured) {
        if (context == null) {
            return MixedPrecision.cpu(trunk, structured);
        }
        return new MixedPrecision<>(new CudaOps(context, trunk), new CudaOps(context, structured));
    }
}

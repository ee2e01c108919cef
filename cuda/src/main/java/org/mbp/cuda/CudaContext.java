package org.mbp.cuda;

import org.mbp.device.DeviceUnavailableException;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import jcuda.CudaException;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * A device's primary context, the PTX modules loaded into it and its memory pool. All work goes
 * to the context's default stream, so kernels, copies and buffer reuse are ordered as issued;
 * any thread may use the context after {@link #makeCurrent()}. The context counts the kernels
 * launched on it ({@link Kernel#launch}) and the host synchronisations: every copy between host
 * and device memory ({@link DeviceBuffer}) and every {@link #synchronize()}.
 */
public final class CudaContext {

    private static final Map<Integer, CudaContext> OPEN = new ConcurrentHashMap<>();

    private final GpuProbe.Result device;
    private final CUcontext context;
    private final DevicePool pool;
    private final Map<String, Kernels> modules = new ConcurrentHashMap<>();
    private final LongAdder launches = new LongAdder();
    private final LongAdder synchronizations = new LongAdder();
    private final AtomicBoolean queued = new AtomicBoolean();

    private CudaContext(GpuProbe.Result device, CUcontext context) {
        this.device = device;
        this.context = context;
        this.pool = new DevicePool(this);
    }

    /**
     * The context of device {@code ordinal} (opened once per process).
     *
     * @param ordinal the ordinal
     * @return the context of device {@code ordinal} (opened once per process)
     * @throws DeviceUnavailableException when there is no driver or no such device
     */
    public static CudaContext open(int ordinal) {
        GpuProbe.Result probe = GpuProbe.probe();
        if (!probe.available()) {
            throw new DeviceUnavailableException(probe.describe());
        }
        return OPEN.computeIfAbsent(ordinal, o -> {
            try {
                JCudaDriver.setExceptionsEnabled(true);
                CUdevice dev = new CUdevice();
                cuDeviceGet(dev, o);
                CUcontext ctx = new CUcontext();
                cuDevicePrimaryCtxRetain(ctx, dev);
                cuCtxSetCurrent(ctx);
                return new CudaContext(probe, ctx);
            } catch (CudaException e) {
                throw new DeviceUnavailableException("GPU " + o + " could not be opened: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The device this context runs on.
     *
     * @return the device this context runs on
     */
    public GpuProbe.Result device() {
        return device;
    }

    /** Binds this context to the calling thread (cheap; call before touching the device). */
    public void makeCurrent() {
        cuCtxSetCurrent(context);
    }

    /** Waits until all work issued so far has finished. */
    public void synchronize() {
        makeCurrent();
        cuCtxSynchronize();
        countSynchronization();
    }

    /** Counts one kernel launch: work the next copy from the host waits for. */
    void countLaunch() {
        launches.increment();
        queued.set(true);
    }

    /** Counts one host synchronisation: a copy to the host or a wait for all work; nothing is queued after it. */
    void countSynchronization() {
        synchronizations.increment();
        queued.set(false);
    }

    /**
     * Counts a copy from the host's pageable memory, which first waits for the work queued before
     * it: a host synchronisation when a kernel was launched since the last one, and none when
     * nothing is queued (the next step's images and weights, uploaded after the last step's read).
     */
    void countUpload() {
        if (queued.getAndSet(false)) {
            synchronizations.increment();
        }
    }

    /** The kernels launched on this context so far. */
    long launches() {
        return launches.sum();
    }

    /** The host synchronisations on this context so far. */
    long synchronizations() {
        return synchronizations.sum();
    }

    /**
     * The kernels of module {@code name}, loaded once from the classpath resource
     * {@code /org/mbp/cuda/ptx/<name>.ptx}.
     *
     * @param name the name
     * @return the kernels of module {@code name}, loaded once from the classpath resource {@code
     *         /org/mbp/cuda/ptx/<name>.ptx}
     * @throws DeviceUnavailableException when the PTX is missing or the driver refuses it (a driver
     *                                 older than the PTX's ISA version)
     */
    public Kernels kernels(String name) {
        return modules.computeIfAbsent(name, this::load);
    }

    /**
     * Device memory of {@code bytes} bytes, from the pool; returned to it when unreachable.
     *
     * @param bytes the bytes
     * @return device memory of {@code bytes} bytes, from the pool; returned to it when unreachable
     */
    public DeviceBuffer allocate(long bytes) {
        makeCurrent();
        return pool.allocate(bytes);
    }

    private Kernels load(String name) {
        String resource = "/org/mbp/cuda/ptx/" + name + ".ptx";
        byte[] text;
        byte[] ptx;
        try (InputStream in = CudaContext.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DeviceUnavailableException("kernel module " + resource + " is not on the class path");
            }
            text = in.readAllBytes();
            ptx = java.util.Arrays.copyOf(text, text.length + 1);
        } catch (IOException e) {
            throw new DeviceUnavailableException("kernel module " + resource + " could not be read: " + e.getMessage(), e);
        }
        makeCurrent();
        CUmodule module = new CUmodule();
        try {
            cuModuleLoadData(module, ptx);
        } catch (CudaException e) {
            throw new DeviceUnavailableException("the CUDA driver " + device.driverVersion() + " refused " + resource
                    + " (" + e.getMessage() + "); the PTX needs a CUDA 13 driver (r580 or newer)", e);
        }
        return new Kernels(this, name, module, PtxSignatures.parse(new String(text, java.nio.charset.StandardCharsets.US_ASCII)));
    }
}

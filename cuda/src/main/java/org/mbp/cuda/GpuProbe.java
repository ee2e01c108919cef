package org.mbp.cuda;

import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;

import java.nio.charset.StandardCharsets;
import jcuda.driver.CUdevice;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * Whether this process can use a GPU, found out once. The first touch of {@link JCudaDriver}
 * loads its native library, which needs the driver's {@code libcuda.so.1}; without a driver that
 * fails with {@link UnsatisfiedLinkError} and every later touch with {@link NoClassDefFoundError},
 * so the probe catches any {@link Throwable} and caches its answer.
 */
public final class GpuProbe {

    /** The answer: a device, or the one-line reason there is none. */
    public record Result(boolean available, int ordinal, String device, long memoryBytes, int driverVersion,
            String reason) {

        /**
         * One line for the user: the device found, or why the CPU is used.
         *
         * @return one line for the user: the device found, or why the CPU is used
         */
        public String describe() {
            return available
                    ? String.format("GPU %d: %s, %.0f GiB, CUDA driver %d.%d", ordinal, device,
                            memoryBytes / (double) (1L << 30), driverVersion / 1000, driverVersion % 1000 / 10)
                    : "no GPU: " + reason;
        }
    }

    private static Result cached;

    private GpuProbe() {
    }

    /**
     * The first device, or why there is none (cached after the first call).
     *
     * @return the first device, or why there is none (cached after the first call)
     */
    public static synchronized Result probe() {
        if (cached == null) {
            cached = look();
        }
        return cached;
    }

    private static Result look() {
        try {
            JCudaDriver.setExceptionsEnabled(false);
            int status = cuInit(0);
            if (status != CUresult.CUDA_SUCCESS) {
                return none("the CUDA driver failed to initialise (" + CUresult.stringFor(status) + ")");
            }
            int[] count = {0};
            cuDeviceGetCount(count);
            if (count[0] == 0) {
                return none("the CUDA driver found no device");
            }
            CUdevice device = new CUdevice();
            cuDeviceGet(device, 0);
            byte[] name = new byte[256];
            cuDeviceGetName(name, name.length, device);
            long[] memory = {0};
            cuDeviceTotalMem(memory, device);
            int[] version = {0};
            cuDriverGetVersion(version);
            return new Result(true, 0, cString(name), memory[0], version[0], "");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return none(linkFailure(e.getMessage()));
        } catch (Throwable e) {
            return none("the CUDA driver could not be used (" + e.getClass().getSimpleName() + ": "
                    + firstLine(e.getMessage()) + ")");
        }
    }

    private static Result none(String reason) {
        return new Result(false, -1, "", 0, 0, reason);
    }

    /**
     * Why JCuda's driver binding did not load. JCuda's message nests the operating system's: its
     * last "{@code UnsatisfiedLinkError: <library>.so: <reason>}" line says what is missing, e.g.
     * {@code libcuda.so.1: cannot open shared object file} on a machine without a driver.
     */
    static String linkFailure(String message) {
        String reason = null;
        for (String line : (message == null ? "" : message).lines().toList()) {
            int at = line.indexOf(".so: ");
            if (line.startsWith("java.lang.UnsatisfiedLinkError: ") && at >= 0) {
                reason = line.substring(at + ".so: ".length()).trim();
            }
        }
        if (reason == null) {
            return "the CUDA driver binding did not load (" + firstLine(message) + ")";
        }
        return reason.contains("libcuda.so") ? "no CUDA driver (" + reason + ")"
                : "the CUDA driver binding did not load (" + reason + ")";
    }

    static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.US_ASCII).trim();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}

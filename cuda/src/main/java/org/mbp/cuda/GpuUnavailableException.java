package org.mbp.cuda;

/** No usable GPU: no driver, no device, or a device that cannot load our kernels. The message is one line. */
public final class GpuUnavailableException extends RuntimeException {

    public GpuUnavailableException(String reason) {
        super(reason);
    }

    public GpuUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

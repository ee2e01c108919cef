package org.mbp.device;

/** No usable GPU: no backend module, no driver, no device, or a device that cannot load its kernels. The message is one line. */
public final class DeviceUnavailableException extends RuntimeException {

    /**
     * No usable device, for {@code reason}.
     *
     * @param reason the reason
     */
    public DeviceUnavailableException(String reason) {
        super(reason);
    }

    /**
     * No usable device, for {@code reason}, with the underlying cause.
     *
     * @param reason the reason
     * @param cause the underlying cause
     */
    public DeviceUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

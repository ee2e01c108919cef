package org.mbp.device;

/** No usable GPU: no backend module, no driver, no device, or a device that cannot load its kernels. The message is one line. */
public final class DeviceUnavailableException extends RuntimeException {

    public DeviceUnavailableException(String reason) {
        super(reason);
    }

    public DeviceUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

package org.mbp.device;

import java.util.concurrent.atomic.AtomicInteger;

/** A GPU backend that counts the times it is asked for a device and never has one (registered for the tests). */
public final class RecordingProvider implements BackendProvider {

    /** The reason it gives. */
    static final String REASON = "no GPU: the test provider has none";
    /** How often {@link #open} was called. */
    static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    public ComputeDevice open() {
        OPENED.incrementAndGet();
        throw new DeviceUnavailableException(REASON);
    }
}

package org.mbp.backend;

/**
 * The work a backend has handed to an accelerator: kernel launches and host synchronisations
 * (calls after which the host has waited for the device: reading values back, and synchronous
 * copies to it issued while launched work may still run, since they wait for it; a copy to an
 * idle device waits for nothing and is not one). Both counts are cumulative and may be
 * read from any thread; the work of a step is the difference of two readings. A backend that
 * computes on the host launches nothing and never waits: {@link #of} gives it {@link #NONE}.
 */
public interface DeviceCounters {

    /** The counters of a backend without a device: always 0. */
    DeviceCounters NONE = new DeviceCounters() {
        @Override
        public long launches() {
            return 0;
        }

        @Override
        public long synchronizations() {
            return 0;
        }
    };

    /**
     * The kernels launched so far.
     *
     * @return the kernels launched so far
     */
    long launches();

    /**
     * The host synchronisations so far.
     *
     * @return the host synchronisations so far
     */
    long synchronizations();

    /**
     * The counters of {@code ops}: its own when it counts, else {@link #NONE}.
     *
     * @param ops the backend
     * @return the counters of {@code ops}: its own when it counts, else {@link #NONE}
     */
    static DeviceCounters of(MatrixOps<?> ops) {
        return ops instanceof DeviceCounters counters ? counters : NONE;
    }
}

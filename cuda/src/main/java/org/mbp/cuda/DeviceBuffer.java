package org.mbp.cuda;

import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;

import java.lang.ref.Reference;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;

/**
 * A block of device memory, taken from its context's pool and given back when this object
 * becomes unreachable (kernel launches and copies keep it reachable until they are issued).
 * Copies to and from the host are synchronous. Each copy to the host counts as a host
 * synchronisation of the context (it waits for its values); a copy from pageable host memory (as
 * every upload here is) waits for the work issued before it, and counts as one when a kernel was
 * launched since the last synchronisation.
 */
public final class DeviceBuffer {

    private final CudaContext context;
    private final CUdeviceptr pointer;
    private final long bytes;

    DeviceBuffer(CudaContext context, CUdeviceptr pointer, long bytes) {
        this.context = context;
        this.pointer = pointer;
        this.bytes = bytes;
    }

    /**
     * The usable size in bytes.
     *
     * @return the usable size in bytes
     */
    public long bytes() {
        return bytes;
    }

    /** The device address, for kernel arguments. */
    CUdeviceptr pointer() {
        return pointer;
    }

    /**
     * Copies {@code values} to the start of the buffer.
     *
     * @param values the values
     */
    public void upload(double[] values) {
        copyIn(Pointer.to(values), (long) values.length * Sizeof.DOUBLE);
    }

    /**
     * Copies {@code values} to the start of the buffer.
     *
     * @param values the values
     */
    public void upload(float[] values) {
        copyIn(Pointer.to(values), (long) values.length * Sizeof.FLOAT);
    }

    /**
     * Copies {@code values} to the start of the buffer.
     *
     * @param values the values
     */
    public void upload(int[] values) {
        copyIn(Pointer.to(values), (long) values.length * Sizeof.INT);
    }

    /**
     * Fills {@code values} from the start of the buffer, after all work issued before.
     *
     * @param values the values
     */
    public void download(double[] values) {
        copyOut(Pointer.to(values), (long) values.length * Sizeof.DOUBLE);
    }

    /**
     * Fills {@code values} from the start of the buffer, after all work issued before.
     *
     * @param values the values
     */
    public void download(float[] values) {
        copyOut(Pointer.to(values), (long) values.length * Sizeof.FLOAT);
    }

    /**
     * Fills {@code values} from the start of the buffer, after all work issued before.
     *
     * @param values the values
     */
    public void download(int[] values) {
        copyOut(Pointer.to(values), (long) values.length * Sizeof.INT);
    }

    private void copyIn(Pointer host, long size) {
        requireFits(size);
        if (size > 0) {
            context.makeCurrent();
            try {
                cuMemcpyHtoD(pointer, host, size);
                context.countUpload();
            } finally {
                Reference.reachabilityFence(this);
            }
        }
    }

    private void copyOut(Pointer host, long size) {
        requireFits(size);
        if (size > 0) {
            context.makeCurrent();
            try {
                cuMemcpyDtoH(host, pointer, size);
                context.countSynchronization();
            } finally {
                Reference.reachabilityFence(this);
            }
        }
    }

    private void requireFits(long size) {
        if (size > bytes) {
            throw new IllegalArgumentException("a copy of " + size + " B does not fit a buffer of " + bytes + " B");
        }
    }
}

package org.mbp.cuda;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;

import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import jcuda.CudaException;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUresult;

/**
 * Device memory in power-of-two size classes, reused instead of freed. A {@link DeviceBuffer}'s
 * block goes back to its class's free list when the buffer becomes unreachable (a
 * {@link Cleaner} action, so nothing is ever freed on a thread without the context). Reuse is
 * safe because every kernel and copy runs on the one default stream, in issue order. When the
 * device runs out of memory the pool asks the garbage collector for unreachable buffers, then
 * frees the blocks cached in every size class, before giving up.
 */
final class DevicePool {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final int SMALLEST_CLASS = 8;
    private static final int GC_RETRIES = 3;

    private final CudaContext context;
    private final Map<Integer, Queue<CUdeviceptr>> free = new ConcurrentHashMap<>();

    DevicePool(CudaContext context) {
        this.context = context;
    }

    DeviceBuffer allocate(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative buffer size " + bytes);
        }
        int sizeClass = Math.max(SMALLEST_CLASS, 64 - Long.numberOfLeadingZeros(Math.max(1, bytes) - 1));
        Queue<CUdeviceptr> list = free.computeIfAbsent(sizeClass, c -> new ConcurrentLinkedQueue<>());
        CUdeviceptr block = list.poll();
        for (int attempt = 0; block == null; attempt++) {
            block = fresh(1L << sizeClass, attempt);
            if (block == null) {
                System.gc();
                sleep();
                block = list.poll();
                if (block == null) {
                    trim();
                }
            }
        }
        DeviceBuffer buffer = new DeviceBuffer(context, block, bytes);
        CUdeviceptr returned = block;
        CLEANER.register(buffer, () -> list.add(returned));
        return buffer;
    }

    /**
     * Frees every cached block of every size class, after the device has finished all queued
     * work (a cached block may still be used by a kernel issued before its buffer was collected).
     */
    private void trim() {
        context.synchronize();
        for (Queue<CUdeviceptr> list : free.values()) {
            for (CUdeviceptr block = list.poll(); block != null; block = list.poll()) {
                cuMemFree(block);
            }
        }
    }

    private CUdeviceptr fresh(long bytes, int attempt) {
        CUdeviceptr block = new CUdeviceptr();
        try {
            cuMemAlloc(block, bytes);
            return block;
        } catch (CudaException e) {
            if (!e.getMessage().contains(CUresult.stringFor(CUresult.CUDA_ERROR_OUT_OF_MEMORY))
                    || attempt >= GC_RETRIES) {
                throw new IllegalStateException("device memory: " + bytes + " B could not be allocated on "
                        + context.device().device() + " (" + e.getMessage() + ")", e);
            }
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

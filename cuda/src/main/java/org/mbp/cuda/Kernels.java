package org.mbp.cuda;

import static jcuda.driver.JCudaDriver.cuModuleGetFunction;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jcuda.CudaException;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;

/** The entry points of one loaded PTX module. */
public final class Kernels {

    private final CudaContext context;
    private final String module;
    private final CUmodule handle;
    private final Map<String, List<String>> signatures;
    private final Map<String, Kernel> functions = new ConcurrentHashMap<>();

    Kernels(CudaContext context, String module, CUmodule handle, Map<String, List<String>> signatures) {
        this.context = context;
        this.module = module;
        this.handle = handle;
        this.signatures = signatures;
    }

    /**
     * The kernel {@code name} (an {@code extern "C" __global__} function), looked up once.
     *
     * @param name the name
     * @return the kernel {@code name} (an {@code extern "C" __global__} function), looked up once
     * @throws IllegalArgumentException when the module has no such entry point
     */
    public Kernel function(String name) {
        return functions.computeIfAbsent(name, n -> {
            context.makeCurrent();
            CUfunction f = new CUfunction();
            try {
                cuModuleGetFunction(f, handle, n);
            } catch (CudaException e) {
                throw new IllegalArgumentException("kernel module " + module + " has no entry point " + n, e);
            }
            return new Kernel(context, module + "." + n, f, signatures.getOrDefault(n, List.of()));
        });
    }
}

package org.mbp.cuda;

import java.util.List;
import org.mbp.backend.Precision;

/**
 * The kernel entry points {@link CudaOps} launches, one constant per templated kernel of
 * {@code cuda/src/main/cuda/dense.cu} and {@code images.cu}. The entry name is the constant's name
 * in lower case, with {@code _f32} or {@code _f64} appended for the element type unless the kernel
 * has a single, untyped form. The signatures and launch shapes are documented at the kernels'
 * definitions.
 */
enum KernelEntry {
    FILL(Module.DENSE),
    IDENTITY(Module.DENSE),
    TRANSPOSE(Module.DENSE),
    COPY2D(Module.DENSE),
    DIAGONAL(Module.DENSE),
    DIAGONAL_MATRIX(Module.DENSE),
    SCALE_BROADCAST(Module.DENSE),
    ROW_SUMS(Module.DENSE),
    DIAGONAL_OF_PRODUCT(Module.DENSE),
    BINARY(Module.DENSE),
    SCALE(Module.DENSE),
    UNARY(Module.DENSE),
    POWER(Module.DENSE),
    OUTER(Module.DENSE),
    OFF_DIAGONAL_RECIPROCAL(Module.DENSE),
    CHOOSE(Module.DENSE),
    GATHER(Module.DENSE),
    /** {@code convert_f32}: float to double; {@code convert_f64}: double to float. */
    CONVERT(Module.DENSE),
    DOT_PARTIAL(Module.DENSE),
    SUM_PARTIAL(Module.DENSE),
    MAX_ABS_PARTIAL(Module.DENSE),
    NON_FINITE_PARTIAL(Module.DENSE),
    /** Sums int partial counts; one untyped entry point. */
    COUNT_PARTIAL(Module.DENSE, false),
    GEMM(Module.DENSE),
    PATCHES(Module.IMAGES),
    PATCHES_ADJOINT(Module.IMAGES),
    WINDOW_SUM(Module.IMAGES),
    WINDOW_SPREAD(Module.IMAGES),
    WINDOW_ARGMAX_MASK(Module.IMAGES);

    /** The PTX modules, by resource name. */
    enum Module {
        DENSE("dense"),
        IMAGES("images");

        private final String resource;

        Module(String resource) {
            this.resource = resource;
        }

        /** The module name for {@link CudaContext#kernels(String)}. */
        String resource() {
            return resource;
        }
    }

    private final Module module;
    private final boolean typed;

    KernelEntry(Module module) {
        this(module, true);
    }

    KernelEntry(Module module, boolean typed) {
        this.module = module;
        this.typed = typed;
    }

    Module module() {
        return module;
    }

    /** The entry point for element type {@code precision} (the untyped one ignores it). */
    String entryName(Precision precision) {
        String base = name().toLowerCase(java.util.Locale.ROOT);
        if (!typed) {
            return base;
        }
        return base + (precision == Precision.FLOAT ? "_f32" : "_f64");
    }

    /** Every entry point name of this kernel. */
    List<String> entryNames() {
        return typed ? List.of(entryName(Precision.FLOAT), entryName(Precision.DOUBLE)) : List.of(entryName(Precision.FLOAT));
    }
}

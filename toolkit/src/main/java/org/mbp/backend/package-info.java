/**
 * Backends: the matrix arithmetic every layer is written against ({@link org.mbp.backend.MatrixOps}),
 * so that one formula runs in any precision. {@link org.mbp.backend.EjmlOps} computes in float or
 * double on the CPU (products through OpenBLAS where available, decompositions from EJML or
 * Commons Math, {@link org.mbp.backend.DecompositionEngine}); the high-precision and forward-mode
 * backends live in {@code org.mbp.precise} and the GPU backend in {@code mbp-cuda}. Shared pieces:
 * shape checks ({@link org.mbp.backend.Shapes}, {@link org.mbp.backend.ShapeMismatchException}),
 * the canonical order and signs of decompositions ({@link org.mbp.backend.CanonicalOrder}), the
 * parallel Jacobi ordering ({@link org.mbp.backend.RoundRobinOrdering}), the paper's mixed
 * precision ({@link org.mbp.backend.MixedPrecision}) and a device backend's launch and
 * synchronisation counts ({@link org.mbp.backend.DeviceCounters}).
 */
package org.mbp.backend;

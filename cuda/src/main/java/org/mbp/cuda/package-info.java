/**
 * The GPU backend on the JCuda driver API and the project's own PTX kernels:
 * {@link org.mbp.cuda.CudaOps} implements {@link org.mbp.backend.MatrixOps} on device matrices
 * ({@link org.mbp.cuda.DeviceMatrix}) in float or double, with batched Jacobi decompositions
 * ({@link org.mbp.cuda.BatchedJacobi}) and image kernels.
 * {@link org.mbp.cuda.CudaBackendProvider} registers it with {@code org.mbp.device} through
 * {@link java.util.ServiceLoader}; {@link org.mbp.cuda.GpuProbe} finds out once whether a driver
 * and device exist.
 */
package org.mbp.cuda;

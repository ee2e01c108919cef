/**
 * CPU references of the GPU's Jacobi kernels, step for step and with the same rounded operations:
 * the symmetric eigendecomposition ({@link org.mbp.devicecheck.jacobi.JacobiEigen}) and the
 * one-sided SVD ({@link org.mbp.devicecheck.jacobi.OneSidedJacobiSvd}) in the parallel round-robin
 * ordering.
 */
package org.mbp.devicecheck.jacobi;

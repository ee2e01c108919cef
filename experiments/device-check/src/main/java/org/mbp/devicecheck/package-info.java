/**
 * The GPU check ({@code mbp device-check}): the GPU backend against the CPU backends on the same
 * inputs ({@link org.mbp.devicecheck.BackendAgreement}), its Jacobi kernels against their CPU
 * references ({@link org.mbp.devicecheck.JacobiCheck}), one training step on both
 * ({@link org.mbp.devicecheck.TrainingStepAgreement}) and the epoch time
 * ({@link org.mbp.devicecheck.EpochTiming}).
 */
package org.mbp.devicecheck;

/**
 * Where a computation runs: {@link org.mbp.device.Device} is the user's choice (auto, cpu, gpu),
 * {@link org.mbp.device.ComputeDevice} the place chosen and the backends it offers. The CPU is
 * built in; a GPU comes from a {@link org.mbp.device.BackendProvider} found by
 * {@link java.util.ServiceLoader} ({@code mbp-cuda} registers one), looked up only when a GPU may be
 * used, so a CPU run never touches the GPU module.
 */
package org.mbp.device;

package org.mbp.cli;

import java.io.PrintWriter;
import org.mbp.device.ComputeDevice;
import org.mbp.device.Device;
import picocli.CommandLine.Option;

/**
 * {@code --device auto|cpu|gpu} for the commands that compute on a backend, and {@code -v}, which
 * says where the computation runs. Without {@code -v} the choice is silent; a GPU asked for that is
 * not there is an error either way.
 */
final class DeviceOption {

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto", converter = Choice.class,
            description = "where to compute: auto (the GPU when a CUDA driver and device are found, else the CPU;"
                    + " -v says which and why), cpu or gpu (default: ${DEFAULT-VALUE})")
    private Device device;

    @Option(names = {"-v", "--verbose"}, description = "say where the computation runs and why")
    private boolean verbose;

    /**
     * The chosen device; with {@code -v} the device's one-line notice goes to {@code notices}.
     *
     * @throws org.mbp.device.DeviceUnavailableException for {@code gpu} without a usable GPU
     */
    ComputeDevice select(PrintWriter notices) {
        return ComputeDevice.select(device, line -> {
            if (verbose) {
                notices.println(line);
                notices.flush();
            }
        });
    }

    /** auto, cpu or gpu, in any case. */
    static final class Choice extends LibraryConverter<Device> {
        Choice() {
            super(Device::parse);
        }
    }
}

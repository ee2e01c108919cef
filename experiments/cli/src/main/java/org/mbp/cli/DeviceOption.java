package org.mbp.cli;

import java.io.PrintWriter;
import org.mbp.device.ComputeDevice;
import org.mbp.device.Device;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|gpu} for the commands that compute on a backend. */
final class DeviceOption {

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto", converter = Choice.class,
            description = "where to compute: auto (the GPU when a CUDA driver and device are found, else the CPU,"
                    + " saying why), cpu or gpu (default: ${DEFAULT-VALUE})")
    private Device device;

    /**
     * The chosen device; the one-line notice of {@code auto} goes to {@code notices}.
     *
     * @throws org.mbp.device.DeviceUnavailableException for {@code gpu} without a usable GPU
     */
    ComputeDevice select(PrintWriter notices) {
        return ComputeDevice.select(device, line -> {
            notices.println(line);
            notices.flush();
        });
    }

    /** auto, cpu or gpu, in any case. */
    static final class Choice extends LibraryConverter<Device> {
        Choice() {
            super(Device::parse);
        }
    }
}

package org.mbp.cli;

import java.io.PrintWriter;
import org.mbp.device.ComputeDevice;
import org.mbp.device.Device;
import org.mbp.device.DeviceUnavailableException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --device auto|cpu|gpu} for the commands that compute on a backend. */
final class DeviceOption {

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto",
            description = "where to compute: auto (the GPU when a CUDA driver and device are found, else the CPU,"
                    + " saying why), cpu or gpu (default: ${DEFAULT-VALUE})")
    String device;

    /**
     * The chosen device; the one-line notice of {@code auto} goes to standard error.
     *
     * @throws ParameterException for a bad value, or {@code gpu} without a usable GPU
     */
    ComputeDevice select(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ComputeDevice d = ComputeDevice.select(Device.parse(device), line -> {
                err.println(line);
                err.flush();
            });
            return d;
        } catch (IllegalArgumentException | DeviceUnavailableException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}

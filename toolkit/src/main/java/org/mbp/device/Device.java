package org.mbp.device;

import java.util.Locale;

/**
 * Where the user asks a computation to run ({@code --device auto|cpu|gpu}): {@code auto} takes the
 * GPU when a GPU backend, a driver and a device all work, else the CPU; {@code gpu} fails with the
 * reason when there is none; {@code cpu} never looks for a GPU.
 */
public enum Device {
    /** A GPU where one is usable, the CPU otherwise. */
    AUTO,
    /** The CPU. */
    CPU,
    /** A GPU; fails where none is usable. */
    GPU;

    /**
     * @param value the value
     * @return the device
     * @throws IllegalArgumentException for anything but auto, cpu or gpu (any case, blanks around)
     */
    public static Device parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "cpu" -> CPU;
            case "gpu" -> GPU;
            default -> throw new IllegalArgumentException("--device must be auto, cpu or gpu, got '" + value + "'");
        };
    }

    /**
     * The name on the command line.
     *
     * @return the name on the command line
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

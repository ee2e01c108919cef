package org.mbp.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors about how options combine (one needs or excludes another, or does not apply to a
 * choice), reported as picocli reports its own: one line and a pointer to {@code --help}, exit 2.
 * Single values are checked by converters and the library, not here.
 */
final class Usage {

    private Usage() {
    }

    /** @throws ParameterException with {@code message} unless {@code condition} holds */
    static void require(CommandSpec spec, boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}

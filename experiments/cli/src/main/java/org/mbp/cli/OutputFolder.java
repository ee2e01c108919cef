package org.mbp.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out DIR}: the folder a command writes its results into, created if missing. Each command
 * gives its default location when it declares the mixin ({@code new OutputFolder("mbp-out/...")}).
 */
final class OutputFolder {

    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder, created if missing (default: ${DEFAULT-VALUE})")
    private Path folder;

    OutputFolder(String defaultFolder) {
        folder = Path.of(defaultFolder);
    }

    /**
     * The folder, created if missing.
     *
     * @throws IllegalArgumentException when it cannot be created or is not writable
     */
    Path prepare() {
        return Writable.folder("--out", folder);
    }
}

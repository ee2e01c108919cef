package org.mbp.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out FILE}: the one file a command writes. Required; a command with a default location
 * names it in a default-value provider. The file must not be a folder and its folder must be
 * writable; a command whose default lies in {@code mbp-out} has the folder created
 * ({@link #creatingItsFolder()}), one that promises to write nothing on bad input does not.
 */
final class OutputFile {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the result")
    private Path file;

    private final boolean createsFolder;

    private OutputFile(boolean createsFolder) {
        this.createsFolder = createsFolder;
    }

    /** An output file whose folder must exist. */
    static OutputFile inExistingFolder() {
        return new OutputFile(false);
    }

    /** An output file whose folder is created if missing. */
    static OutputFile creatingItsFolder() {
        return new OutputFile(true);
    }

    /**
     * The file, once it is known that it can be written.
     *
     * @throws IllegalArgumentException when it is a folder, or its folder cannot be written
     */
    Path prepare() {
        return Writable.file("--out", file, createsFolder);
    }
}

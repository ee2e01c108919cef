package org.mbp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one check that a command can write where an option points, made before any work so that a
 * long run does not fail at its end: an output folder (created if missing) or an output file (not a
 * folder, in a writable folder). A refusal is an {@link IllegalArgumentException} naming the option.
 */
final class Writable {

    private Writable() {
    }

    /**
     * {@code folder}, created if missing.
     *
     * @throws IllegalArgumentException when it cannot be created or is not writable
     */
    static Path folder(String option, Path folder) {
        String named = option + " " + folder;
        create(named, folder);
        require(Files.isWritable(folder), named + ": folder is not writable");
        return folder;
    }

    /**
     * {@code file}, whose folder must exist unless {@code createFolder}.
     *
     * @throws IllegalArgumentException when it is a folder, or its folder is missing or not writable
     */
    static Path file(String option, Path file, boolean createFolder) {
        String named = option + " " + file;
        require(!Files.isDirectory(file), named + " is a directory");
        Path folder = file.toAbsolutePath().getParent();
        if (createFolder && folder != null) {
            create(named, folder);
        }
        require(folder != null && Files.isDirectory(folder) && Files.isWritable(folder),
                named + ": folder " + folder + " does not exist or is not writable");
        return file;
    }

    private static void create(String named, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(named + ": cannot create the folder (" + e.getMessage() + ")", e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

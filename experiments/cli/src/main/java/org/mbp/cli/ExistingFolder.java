package org.mbp.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder a command reads, which must exist ({@code mbp report --include}, the shard folders of
 * {@code mbp merge}): a missing path or a file is refused, naming the path. As a converter the
 * refusal is the option's invalid value.
 */
final class ExistingFolder extends LibraryConverter<Path> {

    ExistingFolder() {
        super(text -> require(Path.of(text)));
    }

    /**
     * {@code folder}, when it is one.
     *
     * @throws IllegalArgumentException when it is missing or not a folder
     */
    static Path require(Path folder) {
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException(folder + ": no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + ": not a folder");
        }
        return folder;
    }
}

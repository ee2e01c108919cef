package org.mbp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path folder;

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporary() throws IOException {
        Path target = folder.resolve("data.bin");
        Files.writeString(target, "old");

        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        }));

        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesIn(folder));
    }

    @Test
    void aTargetThatIsAFolderOrUnderAFileIsRefusedUntouched() throws IOException {
        Path occupied = Files.createDirectory(folder.resolve("occupied.pdf"));
        Files.writeString(occupied.resolve("keep.txt"), "keep");
        Path file = Files.writeString(folder.resolve("not-a-folder"), "old");

        assertThrows(IOException.class, () -> AtomicFile.writeString(occupied, "new"));
        assertThrows(IOException.class, () -> AtomicFile.writeString(file.resolve("inside.pdf"), "new"));

        assertEquals("keep", Files.readString(occupied.resolve("keep.txt")));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file, occupied), filesIn(folder), "a temporary file was left behind");
    }

    @Test
    void aWriteReplacesWithTheUsualPermissionsAndCreatesTheFolder() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path target = folder.resolve("sub/data.bin");
        AtomicFile.write(target, out -> out.write(1));
        AtomicFile.write(target, out -> out.write(2));
        Path reference = Files.createFile(folder.resolve("reference"));

        assertArrayEquals(new byte[] {2}, Files.readAllBytes(target));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(target));
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}

package org.mbp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixFilesTest {

    @TempDir
    Path dir;

    @Test
    void csvRoundTripsExactlyAndReportsBadLines() throws IOException {
        DenseMatrix m = new DenseMatrix(2, 2, new double[] {0.1, -1e-17, 3.141592653589793, 4});
        Path file = dir.resolve("m.csv");
        MatrixFiles.write(file, m, false);
        assertEquals(m, MatrixFiles.read(file));
        Files.writeString(file, "# comment\n1,2,3\n\n4,5\n");
        MatrixFileException ragged = assertThrows(MatrixFileException.class, () -> MatrixFiles.read(file));
        assertTrue(ragged.getMessage().contains("line 4 has 2 values, line 2 has 3"), ragged.getMessage());
        Files.writeString(file, "1,2\n3,x\n");
        MatrixFileException word = assertThrows(MatrixFileException.class, () -> MatrixFiles.read(file));
        assertTrue(word.getMessage().contains("line 2, column 2: 'x' is not a number"), word.getMessage());
    }

    @Test
    void missingAndUnknownFilesAreNamed() {
        MatrixFileException missing = assertThrows(MatrixFileException.class,
                () -> MatrixFiles.read(dir.resolve("none.npy")));
        assertTrue(missing.getMessage().endsWith("none.npy: no such file"), missing.getMessage());
        MatrixFileException type = assertThrows(MatrixFileException.class,
                () -> MatrixFiles.read(dir.resolve("m.txt")));
        assertTrue(type.getMessage().contains("unknown file type"), type.getMessage());
    }
}

package org.mbp.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.mbp.io.AtomicFile;

/** Reads and writes matrices by file extension: {@code .npy} or {@code .csv}. */
public final class MatrixFiles {

    private MatrixFiles() {
    }

    /**
     * The supported extension of a path, or a clear error.
     *
     * @param path the path
     * @return the supported extension of a path, or a clear error
     */
    public static String format(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return "npy";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        throw new MatrixFileException(path + ": unknown file type (use .npy or .csv)");
    }

    /**
     * Reads a matrix; every failure becomes a {@link MatrixFileException} naming the file.
     *
     * @param path the path
     * @return a matrix; every failure becomes a {@link MatrixFileException} naming the file
     */
    public static DenseMatrix read(Path path) {
        String format = format(path);
        if (!Files.exists(path)) {
            throw new MatrixFileException(path + ": no such file");
        }
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new MatrixFileException(path + ": not a readable file");
        }
        try {
            return format.equals("npy") ? NpyFormat.read(path) : CsvFormat.read(path);
        } catch (NoSuchFileException e) {
            throw new MatrixFileException(path + ": no such file", e);
        } catch (IOException e) {
            throw new MatrixFileException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes a matrix atomically, as float32 when {@code single} and float64 otherwise.
     *
     * @param path the path
     * @param m the number of rows m
     * @param single whether single
     * @throws IOException when the target cannot be written (its folder is created when missing)
     */
    public static void write(Path path, DenseMatrix m, boolean single) throws IOException {
        String format = format(path);
        AtomicFile.write(path, out -> {
            if (format.equals("npy")) {
                NpyFormat.write(out, m, single ? NpyFormat.DType.FLOAT32 : NpyFormat.DType.FLOAT64);
            } else {
                CsvFormat.write(out, m, single);
            }
        });
    }
}

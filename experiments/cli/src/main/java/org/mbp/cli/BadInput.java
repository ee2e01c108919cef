package org.mbp.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;
import org.mbp.backend.ShapeMismatchException;
import org.mbp.device.DeviceUnavailableException;
import org.mbp.reports.FontsUnavailableException;

/**
 * The exceptions that mean bad input rather than a failure of mbp, and their one-line messages:
 * a value the library refuses ({@link IllegalArgumentException}, which includes the matrix, data
 * and segmentation file exceptions), a spectrum it cannot differentiate ({@link ArithmeticException}),
 * no usable GPU ({@link DeviceUnavailableException}) or fonts ({@link FontsUnavailableException}), or a file that cannot be read or written
 * ({@link IOException}, worded without Java class names). Operands of the wrong shape inside a
 * backend ({@link ShapeMismatchException}) are a defect of mbp, whatever the input: an internal error.
 */
final class BadInput {

    private BadInput() {
    }

    /** The message of a bad-input exception, or empty for an internal error. */
    static Optional<String> message(Exception e) {
        if (e instanceof ShapeMismatchException) {
            return Optional.empty();
        }
        if (e instanceof IllegalArgumentException || e instanceof ArithmeticException
                || e instanceof DeviceUnavailableException || e instanceof FontsUnavailableException) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
        if (e instanceof IOException io) {
            return Optional.of(fileProblem(io));
        }
        return Optional.empty();
    }

    private static String fileProblem(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + ": not a folder";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + ": already exists";
        }
        return e.getMessage() == null ? "input or output failed" : e.getMessage().lines().findFirst().orElse("");
    }
}

/**
 * Matrix files and safe writes: {@link org.mbp.io.NpyFormat} (NumPy {@code .npy}) and
 * {@link org.mbp.io.CsvFormat} read and write {@link org.mbp.io.DenseMatrix},
 * {@link org.mbp.io.MatrixFiles} picks the format by extension, problems are reported as
 * {@link org.mbp.io.MatrixFileException}, and {@link org.mbp.io.AtomicFile} writes every output
 * through a temporary file and a rename, so that a failed write never leaves a partial file.
 */
package org.mbp.io;

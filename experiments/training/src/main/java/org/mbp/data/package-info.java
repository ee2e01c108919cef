/**
 * Training data files: IDX files ({@link org.mbp.data.IdxFile}) and Fashion-MNIST
 * ({@link org.mbp.data.FashionMnist}) as {@link org.mbp.data.LabelledImages}, with file problems
 * reported as {@link org.mbp.data.DataFileException}.
 */
package org.mbp.data;

/**
 * The conventional layers the structured ones are trained with (§7): affine, convolution, ReLU,
 * pooling, dropout, softmax cross-entropy, the upper triangle of a symmetric matrix as features,
 * and {@link org.mbp.nn.Network}, a sequence of layers with its trainable
 * {@link org.mbp.nn.Weights}, updated by {@link org.mbp.nn.Sgd}. Image layers compute through
 * {@link org.mbp.nn.ImageOps} so that the GPU backend can supply its own kernels.
 */
package org.mbp.nn;

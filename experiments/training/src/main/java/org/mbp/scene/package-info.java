/**
 * Synthetic segmentation scenes for the normalized-cuts training: dead-leaves regions with
 * textures and Fashion-MNIST items ({@link org.mbp.scene.SceneGenerator}), their simulated
 * annotators, the segmentation matrix E, and the spectral clustering that turns learned features
 * into segments ({@link org.mbp.scene.SpectralClustering}).
 */
package org.mbp.scene;

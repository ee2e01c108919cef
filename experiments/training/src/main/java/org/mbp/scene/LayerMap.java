package org.mbp.scene;

import java.util.List;

/**
 * A drawing before clean-up: for each pixel the index of the layer (leaf, background cell or
 * item) it shows, and each layer's paint.
 */
record LayerMap(int width, int height, int[] layers, List<Texture> paints) {
}

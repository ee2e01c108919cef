package org.mbp.scene;

/**
 * A Fashion-MNIST item placed in a scene: its grey image scaled by {@code scale} (bilinear,
 * edge-clamped) with its top-left corner at (ox, oy), covering {@code extent}×{@code extent}
 * pixels. As a paint it shades a tint texture by {@code 0.35 + 0.65·v}, v the item's intensity
 * (0 outside its box), so the item's internal pattern stays visible.
 */
record ShadedItem(float[] grey, int ox, int oy, double scale, int extent, Texture tint) implements Texture {

    /** Intensities above this belong to the item's mask. */
    static final float MASK_THRESHOLD = 0.1f;

    /** The item's intensity at pixel (x, y) of the scene, 0 outside its box. */
    float intensity(int x, int y) {
        if (x < ox || y < oy || x >= ox + extent || y >= oy + extent) {
            return 0;
        }
        int last = FashionItems.SIDE - 1;
        double sx = Math.min(last, Math.max(0, (x - ox + 0.5) / scale - 0.5));
        double sy = Math.min(last, Math.max(0, (y - oy + 0.5) / scale - 0.5));
        int i = (int) sx;
        int j = (int) sy;
        int i1 = Math.min(i + 1, last);
        int j1 = Math.min(j + 1, last);
        double fx = sx - i;
        double fy = sy - j;
        double top = grey[j * FashionItems.SIDE + i] * (1 - fx) + grey[j * FashionItems.SIDE + i1] * fx;
        double bottom = grey[j1 * FashionItems.SIDE + i] * (1 - fx) + grey[j1 * FashionItems.SIDE + i1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /** Whether pixel (x, y) belongs to the item's mask (intensity above {@link #MASK_THRESHOLD}). */
    boolean covers(int x, int y) {
        return intensity(x, y) > MASK_THRESHOLD;
    }

    @Override
    public void colourAt(int x, int y, float[] out, int offset) {
        tint.colourAt(x, y, out, offset);
        float shade = 0.35f + 0.65f * intensity(x, y);
        for (int c = 0; c < 3; c++) {
            out[offset + c] *= shade;
        }
    }
}

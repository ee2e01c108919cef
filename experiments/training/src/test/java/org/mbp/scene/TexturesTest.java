package org.mbp.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The texture family: range, determinism, hand-checked patterns, same mean with different patterns. */
class TexturesTest {

    private static final Rgb A = new Rgb(0.25f, 0.5f, 0.75f);
    private static final Rgb B = new Rgb(0.75f, 0.0f, 0.25f);

    @Test
    void randomDrawsCoverAllKindsWithinRange() {
        Random rng = new Random(3);
        Set<Class<?>> kinds = new HashSet<>();
        for (int t = 0; t < 200; t++) {
            Texture texture = Textures.random(rng);
            kinds.add(texture.getClass());
            for (int y = 0; y < 64; y += 3) {
                for (int x = 0; x < 64; x += 3) {
                    for (float v : texture.rgbAt(x, y)) {
                        if (!(v >= 0 && v <= 1)) {
                            fail(texture + " at " + x + "," + y + ": " + v);
                        }
                    }
                }
            }
        }
        assertEquals(Textures.KINDS, kinds.size());
        assertTrue(kinds.size() >= 8);
    }

    @Test
    void sameSeedSameTexture() {
        assertEquals(Textures.random(new Random(5)), Textures.random(new Random(5)));
        Texture clouds = new Textures.Clouds(A, B, 8, 42);
        assertArrayEquals(clouds.rgbAt(17, 23), new Textures.Clouds(A, B, 8, 42).rgbAt(17, 23));
        assertNotEquals(clouds.rgbAt(17, 23)[0], new Textures.Clouds(A, B, 8, 43).rgbAt(17, 23)[0]);
    }

    @Test
    void stripesAndCheckerFollowTheirDefinitions() {
        Texture stripes = new Textures.Stripes(A, B, 0, 8);
        // pixel centre x + 0.5 over period 8: x = 0..3 first half (a), 4..7 second half (b)
        assertArrayEquals(rgb(A), stripes.rgbAt(3, 0));
        assertArrayEquals(rgb(B), stripes.rgbAt(4, 5));
        assertArrayEquals(rgb(A), stripes.rgbAt(8, 63));
        Texture checker = new Textures.Checker(A, B, 0, 4);
        assertArrayEquals(rgb(A), checker.rgbAt(0, 0));
        assertArrayEquals(rgb(B), checker.rgbAt(4, 0));
        assertArrayEquals(rgb(B), checker.rgbAt(0, 4));
        assertArrayEquals(rgb(A), checker.rgbAt(5, 6));
    }

    @Test
    void sameMeanColourDifferentPattern() {
        Texture stripes = new Textures.Stripes(A, B, 0, 8);
        Texture checker = new Textures.Checker(A, B, 0, 4);
        Texture flat = new Textures.Flat(A.mix(B, 0.5f), 0.05f, 9);
        double[] mean = {0.5, 0.25, 0.5};
        assertArrayEquals(mean, meanColour(stripes), 1e-7, "half the pixels a, half b");
        assertArrayEquals(mean, meanColour(checker), 1e-7, "half the pixels a, half b");
        // flat noise: 4096 pixels, uniform ±0.05 → standard error of the mean 0.05/√(3·4096) ≈ 0.00045
        assertArrayEquals(mean, meanColour(flat), 0.003);
        // vertical neighbour changes: none for vertical stripes; 15 of 63 pairs per column for 4-pixel checker rows
        assertEquals(0, verticalChanges(stripes), 0);
        assertEquals(15.0 / 63, verticalChanges(checker), 1e-12);
    }

    @Test
    void fillPaintsOnlyItsLabel() {
        float[] rgb = new float[3 * 4];
        new Textures.Stripes(A, B, 0, 8).fill(rgb, 2, new int[] {0, 1, 1, 0}, 1);
        assertArrayEquals(new float[] {0, 0, 0, A.r(), A.g(), A.b(), A.r(), A.g(), A.b(), 0, 0, 0}, rgb);
        assertThrows(IllegalArgumentException.class, () -> new Textures.Stripes(A, B, 0, 8).fill(new float[5], 2,
                new int[] {0, 1, 1, 0}, 1));
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Rgb(1.5f, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Textures.Stripes(A, B, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Textures.Grid(A, B, 2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Textures.Dots(A, B, 6, 0.7));
        assertTrue(e.getMessage().contains("relative dot radius"), e.getMessage());
    }

    private static float[] rgb(Rgb c) {
        return new float[] {c.r(), c.g(), c.b()};
    }

    private static double[] meanColour(Texture texture) {
        double[] sum = new double[3];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                float[] c = texture.rgbAt(x, y);
                for (int k = 0; k < 3; k++) {
                    sum[k] += c[k] / 4096.0;
                }
            }
        }
        return sum;
    }

    private static double verticalChanges(Texture texture) {
        int changes = 0;
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y + 1 < 64; y++) {
                if (texture.rgbAt(x, y)[0] != texture.rgbAt(x, y + 1)[0]) {
                    changes++;
                }
            }
        }
        return changes / (64.0 * 63);
    }
}

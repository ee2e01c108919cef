package org.mbp.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Determinism and ground-truth invariants of generated scenes. */
class SceneGeneratorTest {

    private static final SceneOptions OPTIONS = SceneOptions.DEFAULTS;
    private static final SceneGenerator GENERATOR = new SceneGenerator(OPTIONS, SceneTestSupport.items());
    private static final int SCENES = 40;

    @ParameterizedTest
    @EnumSource(value = Scene.Kind.class, names = {"DEAD_LEAVES", "FASHION"})
    void sameSeedGivesTheSameSceneBitForBit(Scene.Kind kind) {
        Scene a = GENERATOR.generate(1234, kind);
        Scene b = new SceneGenerator(OPTIONS, SceneTestSupport.items()).generate(1234, kind);
        assertArrayEquals(a.rgb(), b.rgb(), "assertArrayEquals on float[] compares bit patterns");
        assertArrayEquals(a.regions(), b.regions());
        assertEquals(a.annotations().size(), b.annotations().size());
        for (int i = 0; i < a.annotations().size(); i++) {
            assertArrayEquals(a.annotations().get(i), b.annotations().get(i));
        }
        assertEquals(1234, a.seed());
        assertEquals(kind, a.kind());
    }

    @ParameterizedTest
    @EnumSource(value = Scene.Kind.class, names = {"DEAD_LEAVES", "FASHION"})
    void differentSeedsGiveDifferentScenes(Scene.Kind kind) {
        Scene a = GENERATOR.generate(1, kind);
        Scene b = GENERATOR.generate(2, kind);
        assertFalse(Arrays.equals(a.rgb(), b.rgb()));
        assertFalse(Arrays.equals(a.regions(), b.regions()));
    }

    @ParameterizedTest
    @EnumSource(value = Scene.Kind.class, names = {"DEAD_LEAVES", "FASHION"})
    void groundTruthInvariantsHold(Scene.Kind kind) {
        for (int seed = 0; seed < SCENES; seed++) {
            Scene scene = GENERATOR.generate(seed, kind);
            String where = kind + " seed " + seed;
            assertEquals(64, scene.width());
            assertEquals(64, scene.height());
            for (float v : scene.rgb()) {
                assertTrue(v >= 0 && v <= 1, where + ": colour " + v);
            }
            int n = checkDenseAndConnected(scene.regions(), where);
            int[] area = new int[n];
            for (int label : scene.regions()) {
                area[label]++;
            }
            for (int r = 0; r < n; r++) {
                assertTrue(n == 1 || area[r] >= OPTIONS.minRegionArea(), where + ": region " + r + " has " + area[r] + " px");
            }
            if (kind == Scene.Kind.FASHION) {
                assertTrue(n >= 2, where + ": an item and the background are at least two regions");
            }
            checkAnnotations(scene, n, where);
        }
    }

    /** Labels are 0..n−1 in first-appearance order and each label is one 4-connected piece; returns n. */
    private static int checkDenseAndConnected(int[] labels, String where) {
        int next = 0;
        for (int label : labels) {
            assertTrue(label <= next, where + ": label " + label + " appears before " + next);
            if (label == next) {
                next++;
            }
        }
        int[] pieces = SceneTestSupport.piecesPerLabel(labels, 64, 64);
        for (int label = 0; label < next; label++) {
            assertEquals(1, pieces[label], where + ": label " + label + " pieces");
        }
        return next;
    }

    private static void checkAnnotations(Scene scene, int n, String where) {
        List<int[]> annotations = scene.annotations();
        assertEquals(OPTIONS.annotators(), annotations.size());
        assertArrayEquals(scene.regions(), annotations.get(0), where + ": annotator 0 is the finest");
        for (int a = 1; a < annotations.size(); a++) {
            int[] coarse = annotations.get(a);
            int m = checkDenseAndConnected(coarse, where + " annotator " + a);
            assertTrue(m >= Math.min(2, n) && m <= n, where + ": annotator " + a + " has " + m + " regions of " + n);
            int[] coarseOfFine = new int[n];
            Arrays.fill(coarseOfFine, -1);
            for (int p = 0; p < coarse.length; p++) {
                int fine = scene.regions()[p];
                if (coarseOfFine[fine] < 0) {
                    coarseOfFine[fine] = coarse[p];
                }
                assertEquals(coarseOfFine[fine], coarse[p], where + ": fine region " + fine + " split by annotator " + a);
            }
        }
    }

    @Test
    void annotatorsGetCoarserOnAverage() {
        int[] total = new int[OPTIONS.annotators()];
        for (int seed = 0; seed < SCENES; seed++) {
            Scene scene = GENERATOR.generate(seed);
            for (int a = 0; a < total.length; a++) {
                total[a] += Regions.count(scene.annotations().get(a));
            }
        }
        for (int a = 1; a < total.length; a++) {
            assertTrue(total[a] < total[a - 1], "annotator " + a + " totals " + Arrays.toString(total));
        }
    }

    @Test
    void deadLeavesScenesHaveSeveralRegionsOfSeveralSizes() {
        int regions = 0;
        for (int seed = 0; seed < SCENES; seed++) {
            regions += GENERATOR.generate(seed).regionCount();
        }
        double mean = regions / (double) SCENES;
        assertTrue(mean >= 4 && mean <= 20, "mean regions per scene " + mean);
    }

    @Test
    void fashionNeedsItems() {
        SceneGenerator plain = new SceneGenerator(OPTIONS);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plain.generate(1, Scene.Kind.FASHION));
        assertTrue(e.getMessage().contains("Fashion-MNIST items"), e.getMessage());
    }

    @Test
    void badItemsAreNamed() {
        float[] bright = new float[784];
        bright[30] = 1.5f;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FashionItems(List.of(new float[784], bright), new int[] {0, 1}));
        assertTrue(e.getMessage().contains("item 1: pixel 30 (row 1, column 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FashionItems(List.of(new float[783]), new int[] {0}));
        assertTrue(e.getMessage().contains("item 0 has 783 pixels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FashionItems(List.of(new float[784]), new int[] {0, 1}));
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SceneOptions(64, 0, 40, 8, 16, 5));
        assertThrows(IllegalArgumentException.class, () -> new SceneOptions(64, 50, 40, 8, 16, 5));
        assertThrows(IllegalArgumentException.class, () -> new SceneOptions(64, 6, 40, 8, 0, 5));
        SceneGenerator small = new SceneGenerator(new SceneOptions(20, 2, 10, 8, 4, 3), SceneTestSupport.items());
        assertThrows(IllegalArgumentException.class, () -> small.generate(1, Scene.Kind.FASHION));
    }

    @Test
    void photographsAreNotGenerated() {
        SceneGenerator generator = new SceneGenerator(SceneOptions.DEFAULTS);
        assertThrows(IllegalArgumentException.class, () -> generator.generate(1, Scene.Kind.PHOTOGRAPH));
    }
}

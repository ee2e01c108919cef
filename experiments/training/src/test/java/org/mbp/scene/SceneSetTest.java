package org.mbp.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Datasets of scenes: seeds, kind mixing, and scenes equal to direct generation. */
class SceneSetTest {

    private static final SceneGenerator GENERATOR = new SceneGenerator(SceneOptions.DEFAULTS, SceneTestSupport.items());

    @Test
    void halfAlternatesKinds() {
        SceneSet set = new SceneSet(GENERATOR, 5, 6, 0.5);
        for (int i = 0; i < 6; i++) {
            assertEquals(i % 2 == 0 ? Scene.Kind.DEAD_LEAVES : Scene.Kind.FASHION, set.kind(i));
        }
    }

    @Test
    void fractionIsExactOnEveryPrefix() {
        SceneSet set = new SceneSet(GENERATOR, 5, 100, 0.3);
        int fashion = 0;
        for (int i = 0; i < 100; i++) {
            assertEquals((int) Math.floor(i * 0.3), fashion, "prefix of " + i);
            fashion += set.kind(i) == Scene.Kind.FASHION ? 1 : 0;
        }
        assertEquals(30, fashion);
        SceneSet leaves = new SceneSet(new SceneGenerator(SceneOptions.DEFAULTS), 5, 10, 0);
        for (int i = 0; i < 10; i++) {
            assertEquals(Scene.Kind.DEAD_LEAVES, leaves.kind(i));
        }
    }

    @Test
    void seedsAreDistinctAndScenesReproducible() {
        SceneSet set = new SceneSet(GENERATOR, 42, 50, 0.5);
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seeds.add(set.seed(i));
        }
        assertEquals(50, seeds.size());
        Scene scene = set.scene(3);
        Scene direct = GENERATOR.generate(set.seed(3), set.kind(3));
        assertArrayEquals(direct.rgb(), scene.rgb());
        assertArrayEquals(direct.regions(), scene.regions());
        assertEquals(new SceneSet(GENERATOR, 42, 10, 0.5).seed(7), set.seed(7), "a seed does not depend on the set size");
    }

    @Test
    void badSetsAreRejected() {
        SceneSet set = new SceneSet(GENERATOR, 1, 3, 0.5);
        assertThrows(IndexOutOfBoundsException.class, () -> set.scene(3));
        assertThrows(IllegalArgumentException.class, () -> new SceneSet(GENERATOR, 1, 3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new SceneSet(new SceneGenerator(SceneOptions.DEFAULTS), 1, 3, 0.5));
    }
}

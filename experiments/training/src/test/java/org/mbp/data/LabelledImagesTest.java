package org.mbp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Shape checks, image access and subsets of a labelled image set, on 3 images of 2 × 2. */
class LabelledImagesTest {

    private static final float[] PIXELS = {
        0f, .1f, .2f, .3f,
        .4f, .5f, .6f, .7f,
        .8f, .9f, 1f, 0f};

    private static final LabelledImages SET = new LabelledImages(3, 2, 2, PIXELS, new int[] {3, 0, 3});

    @Test
    void imageIsACopyOfItsRowMajorBlock() {
        float[] image = SET.image(1);
        assertArrayEquals(new float[] {.4f, .5f, .6f, .7f}, image);
        image[0] = 1f;
        assertEquals(.4f, SET.image(1)[0], "a copy, the set is unchanged");
        assertEquals(0, SET.label(1));
        assertEquals(4, SET.pixelsPerImage());
        assertThrows(IndexOutOfBoundsException.class, () -> SET.image(3));
    }

    @Test
    void subsetCopiesARange() {
        LabelledImages tail = SET.subset(1, 3);
        assertEquals(new LabelledImages(2, 2, 2, new float[] {.4f, .5f, .6f, .7f, .8f, .9f, 1f, 0f},
                new int[] {0, 3}), tail);
        assertNotSame(PIXELS, tail.pixels());
        assertEquals(0, SET.subset(2, 2).count());
        assertThrows(IllegalArgumentException.class, () -> SET.subset(2, 4));
        assertThrows(IllegalArgumentException.class, () -> SET.subset(2, 1));
    }

    @Test
    void classCountsIsTheLabelHistogram() {
        assertArrayEquals(new int[] {1, 0, 0, 2, 0, 0, 0, 0, 0, 0}, SET.classCounts());
    }

    @Test
    void inconsistentSetsAreRefusedWithTheReason() {
        assertEquals("label of image 1 is 10, expected 0..9", assertThrows(IllegalArgumentException.class,
                () -> new LabelledImages(3, 2, 2, PIXELS, new int[] {3, 10, 3})).getMessage());
        assertEquals("label of image 0 is -1, expected 0..9", assertThrows(IllegalArgumentException.class,
                () -> new LabelledImages(3, 2, 2, PIXELS, new int[] {-1, 0, 3})).getMessage());
        assertEquals("3 images need 3 labels, got 2", assertThrows(IllegalArgumentException.class,
                () -> new LabelledImages(3, 2, 2, PIXELS, new int[] {3, 0})).getMessage());
        assertEquals("2 images of 2 × 2 need 8 pixels, got 12", assertThrows(IllegalArgumentException.class,
                () -> new LabelledImages(2, 2, 2, PIXELS, new int[] {3, 0})).getMessage());
        float[] bright = PIXELS.clone();
        bright[6] = 1.5f;
        assertEquals("pixel 2 of image 1 is 1.5, expected a value in [0, 1]", assertThrows(
                IllegalArgumentException.class, () -> new LabelledImages(3, 2, 2, bright, new int[] {3, 0, 3}))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LabelledImages(1, 0, 2, new float[0], new int[1]));
    }
}

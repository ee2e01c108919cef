package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.nn.ImageShape;
import org.mbp.nn.Network;
import org.mbp.nn.Parameter;
import org.mbp.nn.Weights;

/** The trunk's blocks: which of them pool, and what F's shape and parameters come out. */
class ConvNetTest {

    private static final ImageShape IMAGE = new ImageShape(8, 8, 1);

    @Test
    void blocksAfterThePooledOnesKeepTheResolution() {
        ConvNet<?> trunk = new ConvNet<>(new int[] {4, 8, 8}, 1, EjmlOps.FLOAT);
        Network.Builder builder = Network.builder();
        assertEquals(new ImageShape(4, 4, 8), trunk.append(builder, IMAGE));
        assertEquals(2, trunk.scale());
        Network net = builder.build();
        assertEquals(List.of(new Parameter("conv1", 3 * 3 * 1 + 1, 4), new Parameter("conv2", 3 * 3 * 4 + 1, 8),
                new Parameter("conv3", 3 * 3 * 8 + 1, 8)), net.parameters());
        assertEquals(1, net.stageNames().stream().filter(s -> s.contains("pool")).count(), net.stageNames().toString());

        SplittableRandom random = new SplittableRandom(7);
        double[] pixels = random.doubles(IMAGE.locations()).toArray();
        SimpleMatrix f = net.<SimpleMatrix>forward(Weights.initialise(net.parameters(), 3),
                EjmlOps.FLOAT.fromRowMajor(IMAGE.locations(), 1, pixels), Network.Pass.INFERENCE).output();
        assertEquals(16, f.getNumRows(), "F has the 4×4 locations of one halving");
        assertEquals(8, f.getNumCols());
        assertTrue(trunk.layout().contains("4/8/8 channels, the first 1 ending in 2×2 max-pool"), trunk.layout());
        assertEquals(1, trunk.description().get("pooled_blocks"));
    }

    @Test
    void everyBlockPoolsByDefault() {
        ConvNet<?> trunk = new ConvNet<>(new int[] {4, 8}, EjmlOps.FLOAT);
        assertEquals(new ImageShape(2, 2, 8), trunk.append(Network.builder(), IMAGE));
        assertEquals(4, trunk.scale());
        assertEquals("3×3 conv → ReLU → 2×2 max-pool blocks of 4/8 channels", trunk.layout());
        assertTrue(!trunk.description().containsKey("pooled_blocks"), "older checkpoints' settings stay as they were");
    }

    @Test
    void pooledOutsideTheBlocksIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvNet<>(new int[] {4, 8}, 3, EjmlOps.FLOAT));
        assertEquals("--pooled must lie in [0, 2] (the number of --channels blocks), got 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConvNet<>(new int[] {4, 8}, -1, EjmlOps.FLOAT));
    }
}

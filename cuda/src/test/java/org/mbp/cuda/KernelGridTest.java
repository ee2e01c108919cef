package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Launch configurations: the factories' shapes and the device limits the record enforces. */
class KernelGridTest {

    @Test
    void linearGridsCoverTheEntriesUpToTheCap() {
        assertEquals(1, Kernel.Grid.linear(0).gridX());
        assertEquals(1, Kernel.Grid.linear(256).gridX());
        assertEquals(2, Kernel.Grid.linear(257).gridX());
        assertEquals(Kernel.Grid.LINEAR_MAX_BLOCKS, Kernel.Grid.linear(3_600_000_000L).gridX());
        assertEquals(256, Kernel.Grid.linear(5).blockX());
        Kernel.Grid tiles = Launcher.tiles(60_000, 1000);
        assertEquals(32, tiles.gridX());
        assertEquals(1875, tiles.gridY());
        assertEquals(256, tiles.blockX() * tiles.blockY());
        assertEquals(1, tiles.gridZ());
    }

    @Test
    void batchedTiledGridsSpanTheStackInZUpToTheCap() {
        Kernel.Grid three = Launcher.tiles(33, 65, 3);
        assertEquals(3, three.gridX());
        assertEquals(2, three.gridY());
        assertEquals(3, three.gridZ());
        assertEquals(Launcher.MAX_TILE_GRID, Launcher.tiles(4, 4, 100_000).gridZ());
        assertEquals(1, Launcher.tiles(0, 0, 1).gridZ());
    }

    @Test
    void launchesBeyondTheDeviceLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Kernel.Grid(1, 1, 1, 32, 33, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Kernel.Grid(1, 65_536, 1, 32, 8, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Kernel.Grid(1, 1, 1, 256, 1, 1, 48 * 1024 + 1));
        assertThrows(IllegalArgumentException.class, () -> new Kernel.Grid(0, 1, 1, 256, 1, 1, 0));
        assertEquals(128, Kernel.Grid.perItem(128, 256, 0).gridX());
    }
}

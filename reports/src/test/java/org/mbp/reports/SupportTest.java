package org.mbp.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportTest {

    @TempDir
    Path folder;

    @Test
    void fontsAreFoundHereAndAMissingFontNamesTheFix() throws IOException {
        Fonts.check();
        assertTrue(Files.isRegularFile(Fonts.regularFile()));

        Path empty = Files.createDirectory(folder.resolve("no-fonts"));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Fonts.locate(List.of(empty)));
        assertTrue(missing.getMessage().startsWith(
                "charts and reports need a TrueType font and fontconfig: apt-get install -y fontconfig fonts-dejavu-core"),
                missing.getMessage());
        assertEquals(1, missing.getMessage().lines().count());
    }

    @Test
    void tableColumnsShareTheWidthByContent() {
        assertArrayEquals(new float[] {10, 20}, TableBlock.fit(new float[] {10, 20}, 100));
        float[] fitted = TableBlock.fit(new float[] {10, 300, 150}, 210);
        assertEquals(10, fitted[0], 1e-4);
        assertEquals(200 * 300 / 450f, fitted[1], 1e-4);
        assertEquals(200 * 150 / 450f, fitted[2], 1e-4);
        float[] oneWide = TableBlock.fit(new float[] {10, 300, 100}, 210);
        assertArrayEquals(new float[] {10, 100, 100}, oneWide, 1e-4f);
    }
}

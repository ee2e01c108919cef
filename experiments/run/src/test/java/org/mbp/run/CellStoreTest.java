package org.mbp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged {@code cells.jsonl} is refused naming the file, the line and what is wrong, in a user's terms. */
class CellStoreTest {

    private static final String HEADER = "{\"format\":1,\"study\":\"gap\",\"seed\":1,\"parameters\":{},\"cells\":2,"
            + "\"shard\":null}\n";

    @TempDir
    Path dir;

    private String refusal(String contents) throws IOException {
        Files.writeString(CellStore.file(dir), contents);
        String message = assertThrows(IllegalArgumentException.class, () -> CellStore.read(dir)).getMessage();
        assertTrue(message.startsWith(CellStore.file(dir) + ": line "), message);
        assertFalse(message.contains("java.") || message.contains("Source:") || message.contains("\n"), message);
        return message;
    }

    @Test
    void aStoreReadsBack() throws IOException {
        try (CellStore store = CellStore.create(dir, new CellStore.Header("gap", 1, Map.of(), 2, null))) {
            store.append(new CellStore.StoredCell(1, 0.5, List.of(Map.of("x", 2.0))));
        }
        assertEquals(0.5, CellStore.read(dir).cells().get(1).seconds());
    }

    @Test
    void damagedLinesAreNamed() throws IOException {
        assertEquals(CellStore.file(dir) + ": line 2 is damaged: Unexpected character ('x' (code 120)): was expecting"
                + " double-quote to start field name at column 2",
                refusal(HEADER + "{x\n"));
        assertTrue(refusal(HEADER + "[1]\n").endsWith("line 2 is damaged: not a JSON object at column 1"));
        assertTrue(refusal(HEADER + "{\"cell\":\"one\"}\n").endsWith("line 2 is damaged: no cell index"));
        assertTrue(refusal(HEADER + "{\"cell\":0,\"seconds\":1,\"rows\":[1]}\n")
                .endsWith("the rows of cell 0 are not a list of objects"));
        assertTrue(refusal(HEADER + "{\"cell\":5,\"seconds\":1,\"rows\":[]}\n")
                .endsWith("cell 5 is beyond the 2 cells of the grid"));
        assertTrue(refusal(HEADER.replace("\"seed\":1", "\"seed\":\"one\"")).contains("line 1 is not a study header: "
                + "the header needs a seed"));
        assertTrue(refusal("{\"format\":1,\"study\":\n").contains("line 1 is not a study header: Unexpected end"));
        assertTrue(refusal(HEADER.replaceFirst("\\{\"format\"", "{]")).endsWith("line 1 is not a study header:"
                + " Unexpected close marker ']': expected '}' at column 2"));
    }
}

package org.mbp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCodecTest {

    enum Shape { TALL, WIDE }

    enum Route implements Labelled {
        SVD_PAPER;

        @Override
        public String label() {
            return "svd-paper";
        }
    }

    record Point(int d, Shape shape, double kappa) {
    }

    record Row(int cell, Point point, int sample, Route method, double error, double minRelativeGap, boolean passed,
            long count, String note) {
    }

    private static final RowCodec<Row> CODEC = RowCodec.of(Row.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Row row(double error, double gap) {
        return new Row(3, new Point(8, Shape.WIDE, 1e12), 1, Route.SVD_PAPER, error, gap, true, 5_000_000_000L,
                "a, \"quoted\" note");
    }

    /** The row as it reads back from the cell store's JSON. */
    private static Map<String, Object> stored(Row row) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(CODEC.encode(row)), new TypeReference<Map<String, Object>>() { });
    }

    @Test
    void columnsAreTheComponentsInSnakeCaseWithTheNestedRecordInPlace() {
        assertEquals(List.of("cell", "d", "shape", "kappa", "sample", "method", "error", "min_relative_gap", "passed",
                "count", "note"), CODEC.columns());
        assertEquals("lemma2_violation", RowCodec.column("lemma2Violation"));
        assertEquals("max_abs_k", RowCodec.column("maxAbsK"));
    }

    @Test
    void aRowSurvivesTheStoreExactly() throws Exception {
        Row row = row(1.8366829280481684E-15, -0.0);
        Map<String, Object> stored = stored(row);
        assertEquals(row, CODEC.decode(stored));
        assertEquals("wide", stored.get("shape"));
        assertEquals("svd-paper", stored.get("method"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(CODEC.decode(stored)
                .minRelativeGap()), "the sign of zero is kept");
    }

    @Test
    void nanAndInfinitiesAreStoredAsNullAndReadBackAsNan() throws Exception {
        Map<String, Object> stored = stored(row(Double.NaN, Double.POSITIVE_INFINITY));
        assertTrue(stored.containsKey("error"));
        assertNull(stored.get("error"));
        assertNull(stored.get("min_relative_gap"));
        assertNull(CODEC.encode(row(1, Double.NEGATIVE_INFINITY)).get("min_relative_gap"));
        Row back = CODEC.decode(stored);
        assertTrue(Double.isNaN(back.error()) && Double.isNaN(back.minRelativeGap()));
    }

    @Test
    void csvWritesWholeNumbersDoublesAndWordsAsJavaPrintsThem() throws Exception {
        String csv = CODEC.csv(List.of(CODEC.decode(stored(row(1e-14, Double.NaN)))));
        assertEquals("cell,d,shape,kappa,sample,method,error,min_relative_gap,passed,count,note\n"
                + "3,8,wide,1.0E12,1,svd-paper,1.0E-14,,true,5000000000,\"a, \"\"quoted\"\" note\"\n", csv);
    }

    @Test
    void badStoredValuesAreOneLineErrorsNamingTheColumn() throws Exception {
        Map<String, Object> stored = new LinkedHashMap<>(stored(row(1, 1)));
        stored.put("method", "eig-paper");
        assertEquals("column method: 'eig-paper' is not one of [svd-paper]",
                assertThrows(IllegalArgumentException.class, () -> CODEC.decode(stored)).getMessage());
        stored.put("method", "svd-paper");
        stored.put("sample", 1.5);
        assertEquals("column sample: '1.5' is not a whole number",
                assertThrows(IllegalArgumentException.class, () -> CODEC.decode(stored)).getMessage());
        stored.put("sample", null);
        assertEquals("column sample is empty",
                assertThrows(IllegalArgumentException.class, () -> CODEC.decode(stored)).getMessage());
        stored.remove("sample");
        assertEquals("column sample is missing",
                assertThrows(IllegalArgumentException.class, () -> CODEC.decode(stored)).getMessage());
        Map<String, Object> noError = new LinkedHashMap<>(stored(row(1, 1)));
        String number = CODEC.columns().stream().filter(c -> noError.get(c) instanceof Double).findFirst().orElseThrow();
        noError.remove(number);
        assertEquals("column " + number + " is missing",
                assertThrows(IllegalArgumentException.class, () -> CODEC.decode(noError)).getMessage(),
                "an absent number column is damage, not a NaN (which is stored as null)");
    }

    record Twice(int cell, Inner inner) {
    }

    record Inner(int cell) {
    }

    record Unstorable(int cell, List<Double> values) {
    }

    @Test
    void aRowTypeThatCannotBeStoredIsRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> RowCodec.of(Twice.class));
        assertThrows(IllegalArgumentException.class, () -> RowCodec.of(Unstorable.class));
    }
}

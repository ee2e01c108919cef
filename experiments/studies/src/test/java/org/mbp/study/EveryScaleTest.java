package org.mbp.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbp.run.RowCodec;

/**
 * Every study's own default grid must run at every scale: the grid is valid (its parameters pass
 * the study's range checks) and its first cell computes. A cluster run that refuses its own grid
 * would only show after the job had waited in the queue.
 */
class EveryScaleTest {

    static Stream<Arguments> studiesAndScales() {
        return Studies.NAMES.stream().flatMap(name -> Stream.of(Scale.values()).map(scale -> Arguments.of(name, scale)));
    }

    @ParameterizedTest(name = "{0} at {1} scale")
    @MethodSource("studiesAndScales")
    void theDefaultGridIsValidAndItsFirstCellComputes(String name, Scale scale) {
        Study<?, ?> study = Studies.create(name, scale, Map.of());
        firstCellOf(study);
    }

    private static <P extends Record, R extends Record> void firstCellOf(Study<P, R> study) {
        List<Cell<P>> cells = study.cells();
        assertFalse(cells.isEmpty(), study.name() + " has no cells");
        Cell<P> first = cells.get(0);
        List<R> rows = study.measure(first, first.seed(1));
        assertFalse(rows.isEmpty(), study.name() + ": the first cell measured nothing");
        RowCodec<R> codec = study.codec();
        for (R row : rows) {
            assertEquals(0, ((Number) codec.encode(row).get(Study.CELL)).intValue(), row.toString());
        }
    }
}

package org.mbp.study;

import java.util.List;
import java.util.Map;
import org.mbp.run.Chart;
import org.mbp.run.ClaimVerdict;

/**
 * What a study found, held as one record of key numbers: the verdict, the table of key numbers
 * for the report, the same numbers by name for {@code summary.json}, and the charts all read
 * from it.
 */
public interface Finding {

    /**
     * The verdict on the claim, with the numbers that ground it.
     *
     * @return the verdict on the claim, with the numbers that ground it
     */
    ClaimVerdict verdict();

    /**
     * The key numbers as a table for the report.
     *
     * @return the key numbers as a table for the report
     */
    KeyNumbers keyNumbers();

    /**
     * The key numbers by name, as {@code summary.json} holds them.
     *
     * @return the key numbers by name, as {@code summary.json} holds them
     */
    Map<String, Object> numbers();

    /**
     * The charts.
     *
     * @return the charts
     */
    List<Chart> charts();
}

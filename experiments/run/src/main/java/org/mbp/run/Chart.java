package org.mbp.run;

import org.mbp.reports.ChartSpec;

/** A chart of a study, written as {@code <file>.png} next to its results. */
public record Chart(String file, ChartSpec spec) {
}

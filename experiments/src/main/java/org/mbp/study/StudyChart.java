package org.mbp.study;

import org.mbp.reports.ChartSpec;

/** A chart of a study, written as {@code <file>.png} next to its results. */
public record StudyChart(String file, ChartSpec spec) {
}

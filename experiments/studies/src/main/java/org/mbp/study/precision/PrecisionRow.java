package org.mbp.study.precision;

import org.mbp.accuracy.AccuracyCheck;

/** One gradient of one input in one precision: its error against the reference, and whether it was measured. */
public record PrecisionRow(int cell, PrecisionPoint point, int sample, Arithmetic precision, double error,
        AccuracyCheck.Outcome outcome) {
}

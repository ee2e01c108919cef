package org.mbp.study.precision;

import org.mbp.spectral.Form;

/**
 * A point of the precision grid: a layer family (by name), the form of its derivative, and a
 * spectrum of the accuracy grid (by label).
 */
public record PrecisionPoint(String layer, Form form, String spectrum) {
}

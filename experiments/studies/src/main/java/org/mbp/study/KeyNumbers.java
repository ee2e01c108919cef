package org.mbp.study;

import java.util.List;

/** A table of key numbers for the report: a header and rows of formatted numbers. */
public record KeyNumbers(List<String> header, List<List<String>> rows) {
}

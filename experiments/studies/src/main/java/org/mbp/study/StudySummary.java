package org.mbp.study;

import java.util.List;
import java.util.Map;

/**
 * What a study found: the claim it tests, its verdict in words with the supporting numbers, a
 * table of key numbers for the report, and the same numbers by name for the JSON summary.
 */
public record StudySummary(String claim, String verdict, List<String> header, List<List<String>> table,
        Map<String, Object> numbers) {
}

package org.mbp.study.verification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.run.Chart;
import org.mbp.run.ClaimVerdict.Ruling;
import org.mbp.run.ClaimVerdict;
import org.mbp.study.Finding;
import org.mbp.study.KeyNumbers;

/**
 * What the verification found: every layer's checks, and the extremes over all layers.
 *
 * @param maxDotProduct       the largest dot-product error (double)
 * @param maxFiniteDifference the largest finite-difference error (double)
 * @param minTaylorOrder      the smallest Taylor order
 * @param maxTaylorOrder      the largest Taylor order
 * @param maxFloatVsDouble    the largest float/double difference
 */
public record VerificationFinding(List<LayerChecks> layers, double maxDotProduct, double maxFiniteDifference,
        double minTaylorOrder, double maxTaylorOrder, double maxFloatVsDouble) implements Finding {

    /**
     * Whether every layer passed every check.
     *
     * @return whether every layer passed every check
     */
    public boolean passed() {
        return layers.stream().allMatch(LayerChecks::passed);
    }

    @Override
    public ClaimVerdict verdict() {
        if (passed()) {
            return new ClaimVerdict(Ruling.VERIFIED, String.format(Locale.ROOT, "All %d layers pass every check: largest"
                    + " dot-product error %.1e, largest finite-difference error %.1e, Taylor orders %.3f to %.3f,"
                    + " largest float/double difference %.1e.", layers.size(), maxDotProduct, maxFiniteDifference,
                    minTaylorOrder, maxTaylorOrder, maxFloatVsDouble));
        }
        List<String> failed = layers.stream().filter(l -> !l.passed()).map(LayerChecks::layer).toList();
        return new ClaimVerdict(Ruling.FAILED, failed.size() + " of " + layers.size() + " layers fail a check: "
                + String.join(", ", failed) + ".");
    }

    @Override
    public KeyNumbers keyNumbers() {
        return new KeyNumbers(List.of("layer", "paper", "dot product", "finite diff.", "Taylor order", "float/double",
                "verdict"), layers.stream().map(LayerChecks::tableRow).toList());
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        layers.forEach(l -> numbers.put(l.layer(), l.numbers()));
        numbers.put("passed", passed());
        return numbers;
    }

    @Override
    public List<Chart> charts() {
        return List.of();
    }
}

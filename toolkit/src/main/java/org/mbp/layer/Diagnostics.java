package org.mbp.layer;

import java.util.ArrayList;
import java.util.List;

/**
 * The spectra met while evaluating a layer (one entry per spectral stage, in order), and the
 * cancellations of the paper's matrix-function layers among them ({@link ErrorBound} reads both).
 *
 * @param spectra       the spectra of the spectral stages, in order
 * @param cancellations what the paper's matrix-function layers hand to the gap division before them
 */
public record Diagnostics(List<SpectrumDiagnostics> spectra, List<Cancellation> cancellations) {

    /**
     * Copies the lists.
     *
     * @param spectra       the spectra
     * @param cancellations the cancellations
     */
    public Diagnostics {
        spectra = List.copyOf(spectra);
        cancellations = List.copyOf(cancellations);
    }

    /**
     * No diagnostics: the layer has no spectrum to report on.
     *
     * @return no diagnostics: the layer has no spectrum to report on
     */
    public static Diagnostics none() {
        return new Diagnostics(List.of(), List.of());
    }

    /**
     * The diagnostics of one spectrum.
     *
     * @param spectrum the spectrum it was built with
     * @return the diagnostics of one spectrum
     */
    public static Diagnostics of(SpectrumDiagnostics spectrum) {
        return new Diagnostics(List.of(spectrum), List.of());
    }

    /**
     * The diagnostics of a matrix-function layer of the paper's form: its cancellation alone.
     *
     * @param cancellation what the layer hands to the gap division before it
     * @return diagnostics without spectra
     */
    public static Diagnostics of(Cancellation cancellation) {
        return new Diagnostics(List.of(), List.of(cancellation));
    }

    /**
     * These diagnostics followed by those of a later stage.
     *
     * @param later the later
     * @return these diagnostics followed by those of a later stage
     */
    public Diagnostics plus(Diagnostics later) {
        List<SpectrumDiagnostics> all = new ArrayList<>(spectra);
        all.addAll(later.spectra);
        List<Cancellation> both = new ArrayList<>(cancellations);
        both.addAll(later.cancellations);
        return new Diagnostics(all, both);
    }

    /**
     * The smallest relative gap over all stages (infinite when there is none).
     *
     * @return the smallest relative gap over all stages (infinite when there is none)
     */
    public double minRelativeGap() {
        return spectra.stream().mapToDouble(SpectrumDiagnostics::minRelativeGap).min()
                .orElse(Double.POSITIVE_INFINITY);
    }

    /**
     * The largest |K_ij| over all stages that have a K (NaN when none has).
     *
     * @return the largest |K_ij| over all stages that have a K (NaN when none has)
     */
    public double maxAbsK() {
        return spectra.stream().mapToDouble(SpectrumDiagnostics::maxAbsK)
                .filter(k -> !Double.isNaN(k)).max().orElse(Double.NaN);
    }
}

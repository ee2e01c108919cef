package org.mbp.layer;

import java.util.ArrayList;
import java.util.List;

/** The spectra met while evaluating a layer (one entry per spectral stage, in order). */
public record Diagnostics(List<SpectrumDiagnostics> spectra) {

    public Diagnostics {
        spectra = List.copyOf(spectra);
    }

    public static Diagnostics none() {
        return new Diagnostics(List.of());
    }

    public static Diagnostics of(SpectrumDiagnostics spectrum) {
        return new Diagnostics(List.of(spectrum));
    }

    /** These diagnostics followed by those of a later stage. */
    public Diagnostics plus(Diagnostics later) {
        List<SpectrumDiagnostics> all = new ArrayList<>(spectra);
        all.addAll(later.spectra);
        return new Diagnostics(all);
    }

    /** The smallest relative gap over all stages (infinite when there is none). */
    public double minRelativeGap() {
        return spectra.stream().mapToDouble(SpectrumDiagnostics::minRelativeGap).min()
                .orElse(Double.POSITIVE_INFINITY);
    }

    /** The largest |K_ij| over all stages that have a K (NaN when none has). */
    public double maxAbsK() {
        return spectra.stream().mapToDouble(SpectrumDiagnostics::maxAbsK)
                .filter(k -> !Double.isNaN(k)).max().orElse(Double.NaN);
    }
}

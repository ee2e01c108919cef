package org.mbp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mbp.segment.ImageCovering;
import org.mbp.segment.LabelMap;
import org.mbp.segment.LabelMapFiles;
import org.mbp.segment.ScoredImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code mbp segeval}: segmentation covering of one image's ground truths by machine segmentations. */
@Command(name = "segeval", header = "Segmentation covering of ground truths by machine segmentations.",
        sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Scores machine segmentations of one image against its human ground truths by",
            "segmentation covering (Arbelaez et al., PAMI 2011): for a ground truth S and a",
            "machine segmentation S' of N pixels,",
            "  C(S'->S) = 1/N sum_{R in S} |R| max_{R' in S'} |R n R'| / |R u R'|.",
            "Regions are label sets (disconnected pixels with one label form one region).",
            "",
            "Give the machine segmentations of the image in the order of their parameter k",
            "(e.g. the number of segments): the first --pred is k=1. For each it prints the",
            "covering averaged over the ground truths (as the BSR benchmark) and that of the",
            "ground truth covered best; then OIS (the best k) and Best (each ground-truth",
            "region with its best overlap over all k), both ways.",
            "",
            "Files: .png label maps (16-bit or 8-bit gray: the value is the label; colour or",
            "palette images: each colour is a label) or BSDS300 .seg files. All must have the",
            "same size.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scores printed", "2:bad input or usage (unreadable file, size mismatch; the message"
                + " names the file)", "1:internal error"})
final class SegEvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--pred", required = true, paramLabel = "FILE", converter = LabelMapFile.class,
            description = "a machine segmentation (.png or .seg); repeat for k = 1, 2, ... in order")
    private List<Path> predictions;

    @Option(names = "--gt", required = true, paramLabel = "FILE", converter = LabelMapFile.class,
            description = "a ground-truth segmentation (.png or .seg); repeat for each annotator")
    private List<Path> truths;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        ScoredImage scored = ScoredImage.read(predictions, truths);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(json(scored)));
        } else {
            printTable(out, scored);
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> json(ScoredImage scored) {
        ImageCovering covering = scored.covering();
        List<LabelMap> predictionMaps = scored.predictions();
        List<LabelMap> truthMaps = scored.truths();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("width", truthMaps.get(0).width());
        root.put("height", truthMaps.get(0).height());
        List<Map<String, Object>> gts = new ArrayList<>();
        for (int s = 0; s < truths.size(); s++) {
            Map<String, Object> gt = new LinkedHashMap<>();
            gt.put("file", truths.get(s).toString());
            gt.put("segments", truthMaps.get(s).segmentCount());
            gts.add(gt);
        }
        root.put("ground_truths", gts);
        List<Map<String, Object>> preds = new ArrayList<>();
        for (int k = 1; k <= predictions.size(); k++) {
            Map<String, Object> pred = new LinkedHashMap<>();
            pred.put("k", k);
            pred.put("file", predictions.get(k - 1).toString());
            pred.put("segments", predictionMaps.get(k - 1).segmentCount());
            pred.put("covering_average", covering.averageOverTruths(k));
            pred.put("covering_best", covering.bestOverTruths(k));
            List<Double> perTruth = new ArrayList<>();
            for (int s = 1; s <= truths.size(); s++) {
                perTruth.add(covering.covering(k, s));
            }
            pred.put("covering_per_gt", perTruth);
            preds.add(pred);
        }
        root.put("predictions", preds);
        Map<String, Object> ois = new LinkedHashMap<>();
        ois.put("average", covering.averageOverTruths(covering.oisK()));
        ois.put("k_average", covering.oisK());
        ois.put("best", covering.bestOverTruths(covering.oisKBestTruth()));
        ois.put("k_best", covering.oisKBestTruth());
        root.put("ois", ois);
        Map<String, Object> best = new LinkedHashMap<>();
        best.put("average", covering.bestAverage());
        best.put("best", covering.bestBestTruth());
        root.put("best", best);
        return root;
    }

    private void printTable(PrintWriter out, ScoredImage scored) {
        ImageCovering covering = scored.covering();
        List<LabelMap> predictionMaps = scored.predictions();
        List<LabelMap> truthMaps = scored.truths();
        LabelMap reference = truthMaps.get(0);
        out.printf(Locale.ROOT, "%d ground truth%s, %d×%d pixels:%n", truths.size(), truths.size() > 1 ? "s" : "",
                reference.width(), reference.height());
        for (int s = 0; s < truths.size(); s++) {
            int segments = truthMaps.get(s).segmentCount();
            out.printf(Locale.ROOT, "  gt %d: %s (%d segment%s)%n", s + 1, truths.get(s), segments,
                    segments > 1 ? "s" : "");
        }
        out.printf(Locale.ROOT, "%4s  %8s  %10s  %10s  %s%n", "k", "segments", "avg GT", "best GT", "prediction");
        for (int k = 1; k <= predictions.size(); k++) {
            out.printf(Locale.ROOT, "%4d  %8d  %10.4f  %10.4f  %s%n", k, predictionMaps.get(k - 1).segmentCount(),
                    covering.averageOverTruths(k), covering.bestOverTruths(k), predictions.get(k - 1));
        }
        out.printf(Locale.ROOT, "OIS   avg GT %.4f (k=%d)   best GT %.4f (k=%d)%n",
                covering.averageOverTruths(covering.oisK()), covering.oisK(),
                covering.bestOverTruths(covering.oisKBestTruth()), covering.oisKBestTruth());
        out.printf(Locale.ROOT, "Best  avg GT %.4f         best GT %.4f%n", covering.bestAverage(),
                covering.bestBestTruth());
    }

    /** A .png or .seg file. */
    static final class LabelMapFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path file = Path.of(value);
            if (!LabelMapFiles.isKnownType(file)) {
                throw new TypeConversionException(file + ": unknown file type (expected .png or .seg)");
            }
            return file;
        }
    }
}

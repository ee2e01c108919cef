package org.mbp.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.awt.image.BufferedImage;
import org.mbp.layer.BatchExecutor;
import org.mbp.nn.Weights;
import org.mbp.scene.ColourPositionAffinity;
import org.mbp.scene.Scene;
import org.mbp.scene.ScenePictures;

/**
 * The Table-2 experiment (§7.2) on generated scenes: DeepNCuts trained with J2 (or J1), against
 * two baselines scored by the same inference — normalized cuts on the untrained network's
 * features (the initial weights of the run) and on classic colour + position affinities. Trains
 * into {@code out/<task>/} and writes the result folder in {@code out}.
 */
public final class DeepNCutsExperiment {

    private final SegmentationTask<?> task;
    private final TrainingOptions options;
    private final CoveringEvaluation evaluation;
    private final List<Scene> test;
    private final String data;

    /**
     * @param data a sentence on where the scenes come from, for the report
     * @param task the task
     * @param test the test data
     * @param evaluation the evaluation
     * @param options the options
     */
    public DeepNCutsExperiment(SegmentationTask<?> task, List<Scene> test, CoveringEvaluation evaluation,
            TrainingOptions options, String data) {
        this.task = task;
        this.test = List.copyOf(test);
        this.evaluation = evaluation;
        this.options = options;
        this.data = data;
    }

    /**
     * The baselines' scores, then training (continuing a checkpoint with {@code resume}), then the
     * result folder; returns what the run found.
     *
     * @param out where to write
     * @param resume whether to resume
     * @param err where to write messages
     * @param terminal whether a terminal is attached
     * @return the baselines' scores, then training (continuing a checkpoint with {@code resume}),
     *         then the result folder; returns what the run found
     * @throws IOException if reading or writing fails
     */
    public DeepNCutsFindings run(Path out, boolean resume, PrintWriter err, boolean terminal) throws IOException {
        int r = task.featureShape().height();
        Trainer trainer = new Trainer(options, err, terminal);
        Map<String, CoveringFigures> baselines = new LinkedHashMap<>();
        try (BatchExecutor executor = new BatchExecutor(options.threads())) {
            Weights initial = Weights.initialise(task.network().parameters(), options.seed());
            baselines.put("NCuts on untrained features", CoveringFigures.of(evaluation.scores(test,
                    s -> task.affinity(initial, s), r, executor)));
            baselines.put("NCuts on colour + position", CoveringFigures.of(evaluation.scores(test,
                    s -> ColourPositionAffinity.DEFAULT.affinity(s.rgb(), s.width(), s.height(), r), r, executor)));
        }
        baselines.forEach((name, s) -> err.printf("baseline %s: ODS %.4f, OIS %.4f, Best %.4f%n", name, s.ods(),
                s.ois(), s.best()));
        Trainer.Result result = trainer.run(task, out.resolve(task.name()), resume);
        DeepNCutsFindings findings = new DeepNCutsFindings(task.loss(), result.history(), baselines);
        writeExamples(out, result.weights());
        findings.write(out, "train-deepncuts", "DeepNCuts segmentation (Table 2)", description(), options);
        return findings;
    }

    /**
     * A picture of the first test scenes, one per row: the image, the finest annotation, DeepNCuts
     * and the colour + position baseline, both at k = 4 clusters (after the connected-component split).
     */
    private void writeExamples(Path out, Weights weights) throws IOException {
        int r = task.featureShape().height();
        int k = 4;
        List<List<BufferedImage>> rows = new ArrayList<>();
        for (Scene s : test.subList(0, Math.min(6, test.size()))) {
            int w = s.width();
            int h = s.height();
            rows.add(List.of(ScenePictures.image(s.rgb(), w, h), ScenePictures.labels(s.annotations().get(0), w, h),
                    ScenePictures.labels(evaluation.segmentations(s, task.affinity(weights, s), r).get(k - 1).labels(),
                            w, h),
                    ScenePictures.labels(evaluation.segmentations(s, ColourPositionAffinity.DEFAULT.affinity(s.rgb(), w,
                            h, r), r).get(k - 1).labels(), w, h)));
        }
        ScenePictures.writePng(out.resolve("examples.png"), ScenePictures.grid(rows, 3));
    }

    private String description() {
        return String.format(Locale.ROOT, "%s Trained for %d epochs (batch %d, SGD momentum %.2f, weight decay %.0e,"
                + " %s, seed %d) on %d scenes, tested on %d scenes with %s annotators each. Covering (Arbelaez et al."
                + " 2011) over k = 1..8 spectral clusterings of D^-1/2 W D^-1/2, upsampled and split into connected"
                + " components; dataset figures area-weighted; 'avg' averages the annotators, 'best GT' takes the"
                + " best-covered one.", data, options.epochs(), options.batch(), options.momentum(),
                options.weightDecay(), options.scheduleText(), options.seed(), task.trainingSize(), test.size(),
                annotators());
    }

    /** The number of annotators per test scene, or its range. */
    private String annotators() {
        int min = test.stream().mapToInt(s -> s.annotations().size()).min().orElseThrow();
        int max = test.stream().mapToInt(s -> s.annotations().size()).max().orElseThrow();
        return min == max ? String.valueOf(min) : min + "–" + max;
    }
}

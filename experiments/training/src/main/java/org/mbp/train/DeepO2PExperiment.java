package org.mbp.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.mbp.data.LabelledImages;

/**
 * The Table-1 experiment (§7.1) on Fashion-MNIST: each {@link ClassifierVariant} trained from
 * scratch under the same budget into {@code out/<variant>/}, then one result folder in
 * {@code out}: {@code results.csv} (every epoch of every variant), {@code summary.json} (the table
 * of test errors and the verdict) and the charts, which {@code mbp report} turns into a section.
 */
public final class DeepO2PExperiment {

    private final List<ClassifierVariant> variants;
    private final Function<ClassifierVariant, ClassifierModel<?>> models;
    private final TrainingOptions options;
    private final Augmentation augmentation;

    /**
     * The experiment on the given variants, each trained on the model {@code models} builds for it.
     *
     * @param variants the variants
     * @param models the models
     * @param options the options
     * @param augmentation the augmentation
     */
    public DeepO2PExperiment(List<ClassifierVariant> variants, Function<ClassifierVariant, ClassifierModel<?>> models,
            TrainingOptions options, Augmentation augmentation) {
        this.variants = List.copyOf(variants);
        this.models = models;
        this.options = options;
        this.augmentation = augmentation;
    }

    /**
     * Trains every variant (continuing checkpoints with {@code resume}) and writes the result
     * folder; returns what the runs found.
     *
     * @param train the training data
     * @param test the test data
     * @param out where to write
     * @param resume whether to resume
     * @param err where to write messages
     * @param terminal whether a terminal is attached
     * @return the findings of the DeepO₂P training
     * @throws IOException if reading or writing fails
     */
    public DeepO2PFindings run(LabelledImages train, LabelledImages test, Path out, boolean resume, PrintWriter err,
            boolean terminal) throws IOException {
        List<DeepO2PFindings.VariantRun> runs = new ArrayList<>();
        Trainer trainer = new Trainer(options, err, terminal);
        for (ClassifierVariant v : variants) {
            ClassificationTask<?> task = new ClassificationTask<>(models.apply(v), train, test, augmentation);
            runs.add(new DeepO2PFindings.VariantRun(v, trainer.run(task, out.resolve(v.id()), resume).history()));
        }
        DeepO2PFindings findings = new DeepO2PFindings(runs, test.count());
        findings.write(out, "train-deepo2p", "DeepO2P on Fashion-MNIST (Table 1)", description(train.count(),
                test.count()), options);
        return findings;
    }

    private String description(int trainCount, int testCount) {
        ClassifierModel<?> model = models.apply(ClassifierVariant.O2P_FC);
        return String.format(Locale.ROOT, "Each network trained from scratch on %d training images (augmentation: %s)"
                + " for %d epochs (batch %d, SGD momentum %.2f, weight decay %.0e, %s, seed %d), tested on %d images."
                + " Trunk: %s; FC variants: %d hidden units, dropout %.2f. Conventional layers in %s; the O2P layer"
                + " C = log(FᵀF/m + εI), ε = %.0e, in %s (%s form). Per-epoch numbers: results.csv.",
                trainCount, augmentation.label(), options.epochs(), options.batch(), options.momentum(),
                options.weightDecay(), options.scheduleText(), options.seed(), testCount, model.trunk().layout(),
                model.hidden(), model.dropout(), model.trunk().trunk().name(), model.epsilon(),
                model.structured().name(), model.form().label());
    }
}

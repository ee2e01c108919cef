package org.mbp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mbp train}: the end-to-end training loops of §7. */
@Command(name = "train", header = "Trains DeepO2P (Fashion-MNIST) or DeepNCuts (segmentation) end to end.",
        mixinStandardHelpOptions = true,
        description = "Both loops checkpoint weights and optimiser state atomically after every epoch, write"
                + " per-epoch CSV/JSON and charts into --out, and show progress with an ETA. The result folder"
                + " becomes a section of `mbp report` when --out lies in the report's --out.",
        subcommands = {TrainDeepO2PCommand.class, TrainDeepNCutsCommand.class, CommandLine.HelpCommand.class})
final class TrainCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

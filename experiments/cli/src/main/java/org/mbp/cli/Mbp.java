package org.mbp.cli;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mbp} command line. */
@Command(name = "mbp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Matrix backpropagation: exact, verified gradients of structured matrix layers.",
        subcommands = {ReportCommand.class, StudyCommand.class, MergeCommand.class, GradCommand.class,
            GradCheckCommand.class, TrainCommand.class, SegEvalCommand.class, DeviceCheckCommand.class,
            AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class Mbp implements Runnable {

    /** Exit code for bad input or usage. */
    static final int BAD_INPUT = 2;
    /** Exit code for a failure of mbp itself. */
    static final int INTERNAL = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: one-line errors, exit code 2 for bad input.
     *
     * @return the configured command line: one-line errors, exit code 2 for bad input
     */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Mbp()));
    }

    /**
     * Applies mbp's conventions to a command line: enum values in any case, numbers read in words
     * ({@link Numbers}), one-line errors. This is
     * the one place that maps errors to exit codes: picocli's usage errors (parsing, converters,
     * required options, option combinations) and the library's {@link BadInput} exceptions exit 2,
     * anything else is an internal error (exit 1, with the stack trace).
     */
    static CommandLine configure(CommandLine cli) {
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        Numbers.register(cli);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine command = ex.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(command.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, command, parseResult) -> {
            PrintWriter err = command.getErr();
            String name = command.getCommandSpec().qualifiedName();
            Optional<String> problem = BadInput.message(ex);
            if (problem.isPresent()) {
                err.println(name + ": error: " + problem.get());
                err.flush();
                return BAD_INPUT;
            }
            err.println(name + ": internal error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return INTERNAL;
        });
        return cli;
    }
}

package org.mbp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the mbp command line in-process: exit code, stdout and stderr. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        return on(Mbp.commandLine(), args);
    }

    /** Runs a given command line (e.g. one subcommand built with test doubles). */
    static Cli on(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}

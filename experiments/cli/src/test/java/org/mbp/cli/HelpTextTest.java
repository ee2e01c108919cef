package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Usage texts at 80 columns: picocli wraps the descriptions, so no line of prose breaks far short of
 * the width in mid-sentence (a short line followed by the rest of its sentence on the next line, as
 * gradcheck's did when its description carried its own line breaks).
 */
class HelpTextTest {

    private static final int WIDTH = 80;
    /** A wrapped line is at least this long unless its sentence or list item ends there. */
    private static final int SHORTEST_WRAPPED_LINE = 55;

    @Test
    void everyCommandsHelpWrapsAtTheWidthWithoutRaggedBreaks() {
        List<String> ragged = new ArrayList<>();
        collect(Mbp.commandLine(), ragged);
        assertEquals(List.of(), ragged);
    }

    private static void collect(CommandLine command, List<String> ragged) {
        List<String> lines = help(command).lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            String next = lines.get(i + 1).strip();
            boolean prose = !line.isBlank() && !line.strip().startsWith("-") && !line.startsWith("Usage:")
                    && !line.strip().startsWith("[");
            boolean continues = !next.isEmpty() && !next.startsWith("-") && !next.contains("   ");
            boolean ends = line.endsWith(".") || line.endsWith(":") || line.endsWith(")") || line.endsWith(",");
            if (line.length() > WIDTH || (prose && continues && !ends && line.length() < SHORTEST_WRAPPED_LINE)) {
                ragged.add(command.getCommandName() + ": \"" + line + "\" / \"" + next + "\"");
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, ragged));
    }

    private static String help(CommandLine command) {
        command.setUsageHelpWidth(WIDTH);
        command.setUsageHelpAutoWidth(false);
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}

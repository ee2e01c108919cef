package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.run.RunLock;

class StudyCommandTest {

    /** A small gap study: 5 cells. */
    private static final String[] GAP = {"--size", "4", "--gaps", "1e-2,1e-4,1e-6,1e-8,1e-10", "--samples", "1",
        "--threads", "2"};
    /** A small rank study: 6 cells. */
    private static final String[] RANK = {"--m", "16", "--dims", "5", "--k", "2", "--runs", "1", "--iterations",
        "15", "--initial-ranks", "1,2,4", "--threads", "2"};

    @TempDir
    Path dir;

    private static Cli study(String name, Path out, String[] grid, String... more) {
        List<String> args = new ArrayList<>(List.of("study", name, "--out", out.toString()));
        args.addAll(List.of(grid));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    /** The summary without the "run" object (time, date, machine), which differs between runs. */
    private static ObjectNode stable(Path summary) throws IOException {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(summary.toFile());
        node.remove("run");
        return node;
    }

    @Test
    void shardsMergeIntoTheOutputsOfAnUnshardedRun() throws IOException {
        Cli whole = study("gap", dir.resolve("whole"), GAP);
        assertEquals(0, whole.code(), whole.toString());
        for (int i = 0; i < 3; i++) {
            Cli shard = study("gap", dir.resolve("shard" + i), GAP, "--shard", i + "/3");
            assertEquals(0, shard.code(), shard.toString());
            assertFalse(Files.exists(dir.resolve("shard" + i).resolve("gap/results.csv")), "a shard is not a result");
        }
        Cli incomplete = Cli.run("merge", "--out", dir.resolve("partial").toString(), dir.resolve("shard0").toString(),
                dir.resolve("shard2").toString());
        assertEquals(2, incomplete.code(), incomplete.toString());
        assertTrue(incomplete.err().contains("missing"), incomplete.err());
        Cli merged = Cli.run("merge", "--out", dir.resolve("merged").toString(), dir.resolve("shard2").toString(),
                dir.resolve("shard0").toString(), dir.resolve("shard1").toString());
        assertEquals(0, merged.code(), merged.toString());
        Path a = dir.resolve("whole/gap");
        Path b = dir.resolve("merged/gap");
        assertArrayEquals(bytes(a.resolve("results.csv")), bytes(b.resolve("results.csv")));
        assertArrayEquals(bytes(a.resolve("charts.json")), bytes(b.resolve("charts.json")));
        assertEquals(stable(a.resolve("summary.json")), stable(b.resolve("summary.json")));
        assertArrayEquals(bytes(a.resolve("k-vs-gap.png")), bytes(b.resolve("k-vs-gap.png")));
    }

    @Test
    void shardsOfDifferentParametersDoNotMerge() {
        assertEquals(0, study("gap", dir.resolve("s0"), GAP, "--shard", "0/2").code());
        assertEquals(0, study("gap", dir.resolve("s1"), GAP, "--shard", "1/2", "--seed", "7").code());
        Cli merged = Cli.run("merge", "--out", dir.resolve("m").toString(), dir.resolve("s0").toString(),
                dir.resolve("s1").toString());
        assertEquals(2, merged.code(), merged.toString());
        assertTrue(merged.err().contains("different runs"), merged.err());
    }

    @Test
    void mergeReplacesNeitherAFinishedStudyNorAShardUnlessFresh() throws IOException {
        assertEquals(0, study("gap", dir.resolve("s0"), GAP, "--shard", "0/2").code());
        assertEquals(0, study("gap", dir.resolve("s1"), GAP, "--shard", "1/2").code());
        assertEquals(0, study("gap", dir.resolve("other"), GAP, "--seed", "7").code());
        byte[] finished = bytes(dir.resolve("other/gap/results.csv"));
        byte[] shard = bytes(dir.resolve("s0/gap/cells.jsonl"));
        Cli onFinished = Cli.run("merge", "--out", dir.resolve("other").toString(), dir.resolve("s0").toString(),
                dir.resolve("s1").toString());
        assertEquals(2, onFinished.code(), onFinished.toString());
        assertTrue(onFinished.err().contains("already holds results of gap; use --fresh"), onFinished.err());
        assertArrayEquals(finished, bytes(dir.resolve("other/gap/results.csv")));
        for (boolean fresh : new boolean[] {false, true}) {
            List<String> args = new ArrayList<>(List.of("merge", "--out", dir.resolve("s1/../s0").toString()));
            if (fresh) {
                args.add("--fresh");
            }
            args.addAll(List.of(dir.resolve("s0").toString(), dir.resolve("s1").toString()));
            Cli onShard = Cli.run(args.toArray(String[]::new));
            assertEquals(2, onShard.code(), onShard.toString());
            assertTrue(onShard.err().contains("is the shard folder"), onShard.err());
            assertArrayEquals(shard, bytes(dir.resolve("s0/gap/cells.jsonl")));
        }
        Cli replaced = Cli.run("merge", "--out", dir.resolve("other").toString(), "--fresh", dir.resolve("s0").toString(),
                dir.resolve("s1").toString());
        assertEquals(0, replaced.code(), replaced.toString());
        assertFalse(Files.exists(dir.resolve("other").resolve(RunLock.FILE)), "the lock is released");
    }

    @Test
    void aSecondRunOnTheSameOutIsRefusedNamingTheHolderAndAStaleLockIsTakenOver() throws IOException,
            InterruptedException {
        Path out = Files.createDirectories(dir.resolve("held"));
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(out.resolve(RunLock.FILE), "pid " + live.pid() + "\nhost "
                    + java.net.InetAddress.getLocalHost().getHostName() + "\n");
            Cli held = study("gap", out, GAP);
            assertEquals(2, held.code(), held.toString());
            assertTrue(held.err().contains("is in use by mbp process " + live.pid() + " on "), held.err());
            assertFalse(Files.exists(out.resolve("gap")), "nothing written");
        } finally {
            live.destroy();
            live.waitFor();
        }
        Cli stale = study("gap", out, GAP);
        assertEquals(0, stale.code(), stale.toString());
        assertTrue(stale.err().contains("taking over the lock of mbp process " + live.pid()), stale.err());
        assertFalse(Files.exists(out.resolve(RunLock.FILE)), "the lock is released");
        Files.writeString(out.resolve(RunLock.FILE), "pid 1\nhost elsewhere.example\n");
        Cli remote = Cli.run("report", "--out", out.toString(), "--studies", "gap");
        assertEquals(2, remote.code(), remote.toString());
        assertTrue(remote.err().contains("is in use by mbp process 1 on elsewhere.example"), remote.err());
    }

    @Test
    void mergeRefusesAnUnwritableOutBeforeMerging() throws IOException {
        assertEquals(0, study("gap", dir.resolve("s0"), GAP, "--shard", "0/2").code());
        Path file = Files.writeString(dir.resolve("file"), "kept");
        Cli merged = Cli.run("merge", "--out", file.resolve("m").toString(), dir.resolve("s0").toString());
        assertEquals(2, merged.code(), merged.toString());
        assertTrue(merged.err().startsWith("mbp merge: error: --out " + file.resolve("m") + ": cannot create the folder"),
                merged.err());
        assertEquals("kept", Files.readString(file));
    }

    @Test
    void anInterruptedRunKeepsItsCellsAndResumes() throws IOException {
        Path whole = dir.resolve("whole");
        assertEquals(0, study("rank", whole, RANK).code());
        Path cut = dir.resolve("cut/rank");
        Files.createDirectories(cut);
        List<String> lines = Files.readAllLines(whole.resolve("rank/cells.jsonl"));
        assertEquals(1 + 6, lines.size(), "a header and one line per cell");
        String kept = String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, lines.get(4).length() / 2);
        Files.writeString(cut.resolve("cells.jsonl"), kept, StandardCharsets.UTF_8);

        Cli refused = study("rank", dir.resolve("cut"), RANK);
        assertEquals(2, refused.code(), refused.toString());
        assertTrue(refused.err().contains("--resume") && refused.err().contains("--fresh"), refused.err());
        assertEquals(kept, Files.readString(cut.resolve("cells.jsonl")), "nothing already written is lost");

        Cli resumed = study("rank", dir.resolve("cut"), RANK, "--resume");
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.err().contains("resuming, 3 cell(s) already done"), resumed.err());
        assertArrayEquals(bytes(whole.resolve("rank/results.csv")), bytes(cut.resolve("results.csv")));

        Cli otherGrid = study("rank", dir.resolve("cut"), RANK, "--resume", "--seed", "5");
        assertEquals(2, otherGrid.code(), otherGrid.toString());
        assertTrue(otherGrid.err().contains("other parameters"), otherGrid.err());
        assertEquals(0, study("rank", dir.resolve("cut"), RANK, "--fresh", "--seed", "5").code());
    }

    @Test
    void badInputIsAClearErrorWithExitCode2() throws IOException {
        Cli unknown = Cli.run("study", "spectra", "--out", dir.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown study 'spectra'"), unknown.err());

        Cli badGap = study("gap", dir.resolve("x"), new String[] {"--gaps", "1e-3,2"});
        assertEquals(2, badGap.code());
        assertTrue(badGap.err().contains("--gaps: 2.0 is not in"), badGap.err());

        Cli notANumber = study("gap", dir.resolve("x"), new String[] {"--gaps", "small"});
        assertEquals(2, notANumber.code());
        assertTrue(notANumber.err().contains("--gaps"), notANumber.err());

        Cli foreign = study("gap", dir.resolve("x"), new String[] {"--kappas", "1e3"});
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().contains("--kappas does not apply to gap"), foreign.err());

        Cli shard = study("gap", dir.resolve("x"), GAP, "--shard", "3/3");
        assertEquals(2, shard.code());
        assertTrue(shard.err().contains("--shard"), shard.err());

        Path file = Files.writeString(dir.resolve("file"), "kept");
        Cli unwritable = study("gap", file.resolve("out"), GAP);
        assertEquals(2, unwritable.code());
        assertTrue(unwritable.err().contains("cannot create the folder"), unwritable.err());
        assertEquals("kept", Files.readString(file));
    }
}

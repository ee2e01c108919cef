package org.mbp.study;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a study on stderr. On a terminal, a progress bar with ETA redrawn in place;
 * otherwise (CI logs, files, tests) a plain line when a cell ends, at most every few seconds and
 * always for the last, instead of flooding the log with carriage returns.
 */
final class Progress implements AutoCloseable {

    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final ProgressBar bar;
    private final PrintWriter err;
    private final String task;
    private final long total;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private long lastLine = start;

    private Progress(ProgressBar bar, PrintWriter err, String task, long total) {
        this.bar = bar;
        this.err = err;
        this.task = task;
        this.total = total;
    }

    static Progress start(String task, long total, PrintWriter err, boolean terminal) {
        ProgressBar bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setUnit(" cells", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build() : null;
        return new Progress(bar, err, task, total);
    }

    /** One more cell done. */
    void step() {
        if (bar != null) {
            bar.step();
            return;
        }
        long n = done.incrementAndGet();
        long now = System.nanoTime();
        synchronized (err) {
            if (n == total || now - lastLine >= PLAIN_INTERVAL_NANOS) {
                lastLine = now;
                double elapsed = (now - start) / 1e9;
                err.printf("%s: %d/%d cells, %s elapsed%s%n", task, n, total, clock(elapsed),
                        n == total ? "" : ", about " + clock(elapsed / n * (total - n)) + " left");
                err.flush();
            }
        }
    }

    private static String clock(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}

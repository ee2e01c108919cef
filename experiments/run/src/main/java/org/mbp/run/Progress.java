package org.mbp.run;

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
public final class Progress implements AutoCloseable {

    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final ProgressBar bar;
    private final PrintWriter err;
    private final String task;
    private final long total;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private long lastLine = start;

    private final String unit;

    private Progress(ProgressBar bar, PrintWriter err, String task, long total, String unit) {
        this.unit = unit;
        this.bar = bar;
        this.err = err;
        this.task = task;
        this.total = total;
    }

    /**
     * Whether this process writes to a terminal, where progress is a bar redrawn in place.
     *
     * @return whether this process writes to a terminal, where progress is a bar redrawn in place
     */
    public static boolean terminalAttached() {
        return System.console() != null;
    }

    /**
     * Progress over {@code total} units (e.g. "images") of a task.
     *
     * @param task the task
     * @param total the total
     * @param unit the unit
     * @param err where to write messages
     * @param terminal whether a terminal is attached
     * @return progress over {@code total} units (e.g. "images") of a task
     */
    public static Progress start(String task, long total, String unit, PrintWriter err, boolean terminal) {
        ProgressBar bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setUnit(" " + unit, 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build() : null;
        return new Progress(bar, err, task, total, unit);
    }

    /** One more unit done. */
    public void step() {
        stepBy(1);
    }

    /**
     * {@code n} more units done.
     *
     * @param n the size
     */
    public void stepBy(long n) {
        if (bar != null) {
            bar.stepBy(n);
            return;
        }
        long count = done.addAndGet(n);
        long now = System.nanoTime();
        synchronized (err) {
            if (count == total || now - lastLine >= PLAIN_INTERVAL_NANOS) {
                lastLine = now;
                double elapsed = (now - start) / 1e9;
                err.printf("%s: %d/%d %s, %s elapsed%s%n", task, count, total, unit, clock(elapsed),
                        count == total ? "" : ", about " + clock(elapsed / count * (total - count)) + " left");
                err.flush();
            }
        }
    }

    /**
     * Seconds as {@code h:mm:ss}, the way progress lines show times.
     *
     * @param seconds a duration in seconds
     * @return the duration as {@code h:mm:ss}
     */
    public static String clock(double seconds) {
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

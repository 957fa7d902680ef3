package org.batchscope.analyzer.sweep;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Sweep progress on stderr: runs done, runs left and an estimate of the time left (ETA = elapsed time /
 * runs finished in this invocation x runs left; runs skipped because a previous invocation finished
 * them do not count toward the rate). On a terminal one line is redrawn with a carriage return and a
 * bar; otherwise each finished run prints a plain line. Thread-safe.
 */
public final class ProgressReporter {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private long startNanos;
    private int total;
    private int done;
    private int finishedHere;

    /**
     * @param err      where to write
     * @param terminal true to redraw one line (use {@code System.console() != null})
     */
    public ProgressReporter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Starts the clock for a sweep of {@code total} runs of which {@code alreadyDone} were done before. */
    public synchronized void start(int total, int alreadyDone) {
        this.total = total;
        this.done = alreadyDone;
        this.finishedHere = 0;
        this.startNanos = System.nanoTime();
        err.printf(Locale.ROOT, "sweep: %d runs, %d already done, %d to run%n", total, alreadyDone, total - alreadyDone);
        err.flush();
    }

    /** Reports one finished run, described by {@code what} (for example {@code "B=8 lr=0.1 seed=2 completed"}). */
    /** Writes one line that is not progress (a stored run trained again, and why). */
    public synchronized void note(String line) {
        err.println(line);
        err.flush();
    }

    public synchronized void finished(String what) {
        done++;
        finishedHere++;
        long elapsed = System.nanoTime() - startNanos;
        int left = total - done;
        String eta = format(Duration.ofNanos(elapsed / finishedHere * left));
        if (terminal) {
            int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d done, %d left, ETA %s  ", "#".repeat(filled),
                    " ".repeat(BAR_WIDTH - filled), done, total, left, eta);
            if (left == 0) {
                err.println();
            }
        } else {
            err.printf(Locale.ROOT, "run %d/%d done (%s), %d left, ETA %s%n", done, total, what, left, eta);
        }
        err.flush();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}

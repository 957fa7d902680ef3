package org.batchscope.analyzer.sweep;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Sweep progress as plain lines (for logs, pipes and tests): the {@link ProgressReporter#startLine} and
 * then one line per finished run with runs done, runs left and an estimate of the time left
 * (ETA = elapsed time / runs finished in this invocation x runs left; runs an earlier invocation
 * finished do not count toward the rate). Thread-safe.
 */
public final class PlainProgress implements ProgressReporter {

    private final PrintWriter err;
    private long startNanos;
    private int total;
    private int done;
    private int finishedHere;

    /** @param err where to write (the command line passes stderr) */
    public PlainProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void start(int total, int alreadyDone) {
        this.total = total;
        this.done = alreadyDone;
        this.finishedHere = 0;
        this.startNanos = System.nanoTime();
        err.println(ProgressReporter.startLine(total, alreadyDone));
        err.flush();
    }

    @Override
    public synchronized void finished(String what) {
        done++;
        finishedHere++;
        long elapsed = System.nanoTime() - startNanos;
        int left = total - done;
        String eta = format(Duration.ofNanos(elapsed / finishedHere * left));
        err.printf(Locale.ROOT, "run %d/%d done (%s), %d left, ETA %s%n", done, total, what, left, eta);
        err.flush();
    }

    @Override
    public synchronized void note(String line) {
        err.println(line);
        err.flush();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}

package org.batchscope.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.batchscope.analyzer.sweep.PlainProgress;
import org.batchscope.analyzer.sweep.ProgressReporter;

/**
 * Sweep progress on a terminal: the {@link ProgressReporter#startLine}, then one bar redrawn in place
 * (runs done / total, elapsed time and ETA) by the progressbar library, on stderr. The bar starts at the
 * runs an earlier invocation finished, so only runs finished here set the rate behind the ETA. Not a
 * terminal (a pipe, a file, a test): {@link #forStderr} gives {@link PlainProgress} lines instead.
 * Thread-safe (the library's bar is).
 */
final class TerminalProgress implements ProgressReporter {

    private final PrintStream stderr;
    private ProgressBar bar;

    /** @param stderr where the bar is drawn (stderr; a test passes a buffer) */
    TerminalProgress(PrintStream stderr) {
        this.stderr = stderr;
    }

    /**
     * @param err      the command's stderr writer, for plain lines
     * @param terminal whether stderr is a terminal ({@code System.console() != null})
     * @return a bar on a terminal, plain lines otherwise
     */
    static ProgressReporter forStderr(PrintWriter err, boolean terminal) {
        return terminal ? new TerminalProgress(System.err) : new PlainProgress(err);
    }

    @Override
    public synchronized void start(int total, int alreadyDone) {
        stderr.println(ProgressReporter.startLine(total, alreadyDone));
        bar = new ProgressBarBuilder()
                .setTaskName("runs")
                .setInitialMax(total)
                .startsFrom(alreadyDone, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(stderr))
                .setUpdateIntervalMillis(500)
                .setUnit(" runs", 1)
                .build();
        if (total == alreadyDone) {
            bar.close();
        }
    }

    /** Writes {@code line} on its own line; the bar is redrawn below it at its next update. */
    @Override
    public synchronized void note(String line) {
        stderr.println();
        stderr.println(line);
    }

    @Override
    public synchronized void finished(String what) {
        bar.step();
        bar.setExtraMessage(what);
        if (bar.getCurrent() >= bar.getMax()) {
            bar.close();
        }
    }
}

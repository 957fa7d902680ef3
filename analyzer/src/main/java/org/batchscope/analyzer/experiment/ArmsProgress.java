package org.batchscope.analyzer.experiment;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.sweep.ProgressReporter;

/**
 * The progress of an experiment whose arms' sweeps run at once: one start line and one count for all of
 * them. Each arm's sweep reports to its own {@link #forArm} view; the combined {@code start} goes to the
 * delegate when every arm has started (until then finished runs are held back, so the count never runs
 * ahead of its total), and each finished run and note is prefixed with its arm's name. Thread-safe.
 */
final class ArmsProgress {

    private final ProgressReporter delegate;
    private final int arms;
    private final List<String> heldBack = new ArrayList<>();
    private int started;
    private int total;
    private int alreadyDone;

    /**
     * @param delegate where the combined progress goes
     * @param arms     the arms that will each call {@code start} once
     */
    ArmsProgress(ProgressReporter delegate, int arms) {
        this.delegate = delegate;
        this.arms = arms;
    }

    /** @return the reporter for the sweep of arm {@code name} */
    ProgressReporter forArm(String name) {
        return new ProgressReporter() {
            @Override
            public void start(int runs, int done) {
                armStarted(runs, done);
            }

            @Override
            public void finished(String what) {
                runFinished(name + " " + what);
            }

            @Override
            public void note(String line) {
                delegate.note(name + ": " + line);
            }
        };
    }

    private synchronized void armStarted(int runs, int done) {
        total += runs;
        alreadyDone += done;
        started++;
        if (started == arms) {
            delegate.start(total, alreadyDone);
            heldBack.forEach(delegate::finished);
            heldBack.clear();
        }
    }

    private synchronized void runFinished(String what) {
        if (started < arms) {
            heldBack.add(what);
        } else {
            delegate.finished(what);
        }
    }
}

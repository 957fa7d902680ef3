package org.batchscope.analyzer.sweep;

/**
 * What a sweep tells about its progress: the one listener the library reports to. {@link SweepRunner}
 * calls {@link #start} once, then {@link #finished} from its worker threads as each run ends, so
 * implementations must be thread-safe. {@link PlainProgress} writes plain lines; the command line draws
 * a bar on a terminal.
 */
public interface ProgressReporter {

    /** A reporter that shows nothing. */
    ProgressReporter SILENT = new ProgressReporter() {
        @Override
        public void start(int total, int alreadyDone) {
        }

        @Override
        public void finished(String what) {
        }

        @Override
        public void note(String line) {
        }
    };

    /** A sweep of {@code total} runs starts, of which {@code alreadyDone} were done by an earlier invocation. */
    void start(int total, int alreadyDone);

    /** One run ended, described by {@code what} (for example {@code "B=8 lr=0.1 seed=2 completed"}). */
    void finished(String what);

    /** Tells one line that is not progress (a stored run trained again, and why). */
    void note(String line);

    /** @return the line that opens a sweep's progress: runs, runs already done, runs to do */
    static String startLine(int total, int alreadyDone) {
        return "sweep: " + total + " runs, " + alreadyDone + " already done, " + (total - alreadyDone) + " to run";
    }
}

package org.batchscope.analyzer.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.sweep.ProgressReporter;
import org.junit.jupiter.api.Test;

class ArmsProgressTest {

    /** Records what reaches it, one string per call. */
    private static final class Recorder implements ProgressReporter {
        final List<String> calls = new ArrayList<>();

        @Override
        public void start(int total, int alreadyDone) {
            calls.add("start " + total + " " + alreadyDone);
        }

        @Override
        public void finished(String what) {
            calls.add("finished " + what);
        }

        @Override
        public void note(String line) {
            calls.add("note " + line);
        }
    }

    @Test
    void startsOnceWithTheArmsTotalsAndHoldsBackRunsThatFinishBeforeEveryArmStarted() {
        Recorder recorder = new Recorder();
        ArmsProgress progress = new ArmsProgress(recorder, 2);
        ProgressReporter a = progress.forArm("r0.3");
        ProgressReporter b = progress.forArm("r30");
        a.start(3, 1);
        a.finished("B=1 seed=1 completed");
        a.note("stored run trained again");
        assertThat(recorder.calls).containsExactly("note r0.3: stored run trained again");
        b.start(2, 0);
        b.finished("B=8 seed=2 diverged");
        assertThat(recorder.calls).containsExactly("note r0.3: stored run trained again", "start 5 1",
                "finished r0.3 B=1 seed=1 completed", "finished r30 B=8 seed=2 diverged");
    }
}

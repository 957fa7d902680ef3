package org.batchscope.analyzer.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.batchscope.analyzer.sweep.PlainProgress;
import org.batchscope.analyzer.sweep.ProgressReporter;
import org.batchscope.analyzer.sweep.RunMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment whose truth is known, run end to end: on a feature-dominant table, SGD at lr 0.2 ends
 * far more accurate after 3 epochs than at lr 1e-4 (which barely moves the weights), and two arms with
 * identical settings give identical runs (the engine is deterministic), so their difference is exactly 0.
 */
class ExperimentRunnerTest {

    @TempDir
    Path dir;

    static final class KnownTruth implements Experiment {
        @Override
        public String name() {
            return "known-truth";
        }

        @Override
        public String summary() {
            return "a test experiment";
        }

        @Override
        public String claim() {
            return "a larger learning rate learns faster";
        }

        @Override
        public String source() {
            return "this test";
        }

        @Override
        public List<Arm> arms(Scale scale, int threads) {
            DatasetRecipe data = TabularRecipes.table("t", 0.3, 256);
            ArmSweeps base = ArmSweeps.of("mlp", List.of(16), 3, 3, 0.2, threads).withEvaluation(2, null, 0);
            return List.of(new Arm("fast", "lr 0.2", data, base.spec()),
                    new Arm("fast-again", "lr 0.2 again", data, base.spec()),
                    new Arm("slow", "lr 1e-4", data, ArmSweeps.of("mlp", List.of(16), 3, 3, 1e-4, threads)
                            .withEvaluation(2, null, 0).spec()));
        }

        @Override
        public Judgement judge(ArmResults results) {
            String acc = RunMetrics.FINAL_ACCURACY;
            Effect fastMinusSlow = Effect.difference(results.values("fast", 16, acc), results.values("slow", 16, acc),
                    Effect.LEVEL);
            Effect same = Effect.difference(results.values("fast", 16, acc), results.values("fast-again", 16, acc),
                    Effect.LEVEL);
            return new Judgement(List.of(
                    ClaimResult.judge("fast-better", "lr 0.2 beats 1e-4", "acc(fast) - acc(slow)", "accuracy",
                            fastMinusSlow, new ClaimRule.Sign(true)),
                    ClaimResult.judge("slow-better", "lr 1e-4 beats 0.2", "acc(fast) - acc(slow)", "accuracy",
                            fastMinusSlow, new ClaimRule.Sign(false)),
                    ClaimResult.judge("same-same", "identical arms agree", "acc(fast) - acc(fast-again)", "accuracy",
                            same, new ClaimRule.Equivalence(0.01, "accuracy"))),
                    new EffectChart("t", "batch size", "accuracy", true, List.of()), List.of());
        }
    }

    @Test
    void knownTruthIsFoundAndARerunResumes() throws IOException {
        StringWriter log = new StringWriter();
        ExperimentResult first = ExperimentRunner.run(new KnownTruth(), Scale.SMALL, dir, 2, new PrintWriter(log),
                new PlainProgress(new PrintWriter(log)));
        assertThat(first.claims()).extracting(ClaimResult::verdict).containsExactly(ClaimVerdict.HOLDS,
                ClaimVerdict.DOES_NOT_HOLD, ClaimVerdict.HOLDS);
        assertThat(first.claims().get(0).value().nA()).isEqualTo(3);
        assertThat(first.claims().get(2).value().estimate()).isZero();
        assertThat(first.arms()).extracting(ExperimentResult.ArmRecord::runs).containsExactly(3, 3, 3);
        assertThat(first.arms()).extracting(ExperimentResult.ArmRecord::unfinished).containsExactly(0L, 0L, 0L);
        Path json = dir.resolve(ExperimentResult.FILE);
        byte[] firstBytes = Files.readAllBytes(json);
        Map<Path, FileTime> runFiles = runFiles();
        assertThat(runFiles).hasSize(9);

        ExperimentRunner.run(new KnownTruth(), Scale.SMALL, dir, 2, new PrintWriter(new StringWriter()),
                ProgressReporter.SILENT);
        assertThat(Files.readAllBytes(json)).isEqualTo(firstBytes);
        assertThat(runFiles()).isEqualTo(runFiles);
    }

    private Map<Path, FileTime> runFiles() throws IOException {
        Map<Path, FileTime> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir.resolve(ExperimentRunner.ARMS))) {
            for (Path p : files.filter(p -> p.getParent().getFileName().toString().equals("runs")).toList()) {
                out.put(dir.relativize(p), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}

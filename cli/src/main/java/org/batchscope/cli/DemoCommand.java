package org.batchscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.batchscope.analyzer.experiment.Experiment;
import org.batchscope.analyzer.experiment.ExperimentResult;
import org.batchscope.analyzer.experiment.ExperimentRunner;
import org.batchscope.analyzer.experiment.Experiments;
import org.batchscope.analyzer.experiment.Scale;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.sweep.ShortcutReliance;
import org.batchscope.common.MetricDefinition;
import org.batchscope.common.MetricRegistry;
import org.batchscope.reports.results.Numbers;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.ResultsReader;
import org.batchscope.reports.sweep.SummaryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope demo}: the {@value #EXPERIMENT} experiment ({@code batchscope experiment eye-colour})
 * in {@code --out} (default {@code batchscope-demo}). It generates the eye-colour dogs at r = 0.3, 3 and
 * 30, with the background independent of the class and tied to it in training, trains the small CNN at
 * batch sizes 1, 4, 8 and 32 over several seeds, prints the claims table with each verdict, then one line
 * per arm and batch size (accuracy, oscillation, shortcut reliance, runs by state) and where each arm's
 * verdict and the report are. A rerun resumes like {@code experiment}.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the motivating case once: batchscope experiment eye-colour. Generates the eye-colour dogs at r = "
                + "0.3, 3 and 30 (feature-dominant, noise-over-feature, noise-dominant), with the background free of "
                + "and tied to the class in training, trains the small CNN at batch sizes 1, 4, 8 and 32 over several "
                + "seeds, and prints each claim with its measured effect, 95%% interval and verdict, then the runs of "
                + "every arm. Writes experiment.json and the PDF and HTML report; rerunning resumes."})
public final class DemoCommand implements Callable<Integer> {

    /** The experiment the demo runs. */
    static final String EXPERIMENT = "eye-colour";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "batchscope-demo", paramLabel = "DIR", description = "Experiment folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--scale", defaultValue = "default", paramLabel = "SIZE", description = "small (16 px, 64 training images, 4 epochs, 2 seeds), default (32 px, 256 images, 10 epochs, 3 seeds) or large (64 px, 1000 images, 10 epochs, 5 seeds). Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--threads", paramLabel = "N", description = "Runs trained at once (default: all cores).")
    Integer threads;

    @Option(names = "--no-report", description = "Do not write the report into <out>/report.")
    boolean noReport;

    @Option(names = "--overwrite", description = "Replace other results in --out and start afresh (else a rerun with the same settings resumes).")
    boolean overwrite;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Experiment experiment = Experiments.named(EXPERIMENT).orElseThrow();
        ExperimentResult result = ExperimentCommand.run(experiment, Scale.parse(scale), out, threads, overwrite,
                !noReport, stdout, spec.commandLine().getErr());
        stdout.println();
        printArms(result, out, stdout);
        stdout.flush();
        return ExitCodes.OK;
    }

    /**
     * Prints one line per arm and batch size: final accuracy, oscillation (detrended_std, reversal_rate),
     * what the predictions follow (feature_reliance; shortcut_agreement where the training split tied the
     * background to the class) and the runs by state; then the definitions and where each arm's verdict is.
     */
    static void printArms(ExperimentResult result, Path folder, PrintWriter stdout) {
        String format = "%-12s %4s  %-15s  %13s  %8s  %16s  %18s  %s%n";
        stdout.printf(Locale.ROOT, format, "arm", "B", "final accuracy", "detrended_std", "reversal", "feature_reliance",
                "shortcut_agreement", "runs by state");
        for (ExperimentResult.ArmRecord arm : result.arms()) {
            for (ResultCell c : ResultsReader.read(folder.resolve(arm.folder())).cells()) {
                stdout.printf(Locale.ROOT, format, arm.name(), c.batchSize(), SummaryTable.finalAccuracy(c),
                        Numbers.fixed(c.mean(OscillationMetrics.DETRENDED_STD), 4),
                        Numbers.fixed(c.mean(OscillationMetrics.REVERSAL_RATE), 2),
                        Numbers.fixed(c.mean(ShortcutReliance.FEATURE_RELIANCE), 3),
                        c.has(ShortcutReliance.SHORTCUT_AGREEMENT)
                                ? Numbers.fixed(c.mean(ShortcutReliance.SHORTCUT_AGREEMENT), 3) : "-",
                        SummaryTable.states(c));
            }
        }
        stdout.println("arm r<ratio>-rho<tie>: noise ratio r and the share rho of training images whose background is"
                + " the family tied to their class (test images keep rho = 0). Mean over completed seeds (± sample std).");
        for (String name : List.of(OscillationMetrics.DETRENDED_STD, OscillationMetrics.REVERSAL_RATE,
                ShortcutReliance.FEATURE_RELIANCE, ShortcutReliance.SHORTCUT_AGREEMENT)) {
            MetricDefinition metric = MetricRegistry.find(name).orElseThrow();
            stdout.println(name + " (" + metric.unit() + "): " + metric.definition());
        }
        stdout.println("each arm's verdict (states, comparisons, noise scale, cost, what to try): "
                + folder.resolve(ExperimentRunner.ARMS).resolve("<arm>/verdict.txt") + "; its full sweep report: batchscope"
                + " report " + folder.resolve(ExperimentRunner.ARMS).resolve("<arm>"));
    }
}

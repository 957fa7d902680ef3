package org.batchscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.batchscope.analyzer.experiment.ClaimResult;
import org.batchscope.analyzer.experiment.Experiment;
import org.batchscope.analyzer.experiment.ExperimentResult;
import org.batchscope.analyzer.experiment.ExperimentRunner;
import org.batchscope.analyzer.experiment.Experiments;
import org.batchscope.analyzer.experiment.Scale;
import org.batchscope.common.BadInputException;
import org.batchscope.common.OutputFolder;
import org.batchscope.reports.experiment.ExperimentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope experiment list | NAME}: runs one of the shipped experiments (a preset sweep with
 * control arms that tests a stated claim) into {@code --out}, prints its claims table and writes
 * {@code <out>/experiment.json} and the report {@code <out>/report/report.pdf} with the same content as
 * {@code report.html}. A rerun resumes.
 */
@Command(name = "experiment",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Test a batch-size claim people repeat, on data where the truth is known: a preset sweep with control "
                + "arms, the measured effect with its 95%% interval, and a verdict (holds, does not hold, inconclusive) "
                + "from a written rule. 'batchscope experiment list' shows the experiments. Rerunning resumes."})
public final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;


    @Parameters(index = "0", paramLabel = "NAME", description = "list, or the experiment to run.")
    String name;

    @Option(names = "--scale", defaultValue = "default", paramLabel = "SIZE", description = "small (at most about 3 minutes on 2 cores), default (at most about 10) or large (serious runs). Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--out", paramLabel = "DIR", description = "Experiment folder (default: batchscope-experiment-NAME).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Runs trained at once (default: all cores).")
    Integer threads;

    @Option(names = "--no-report", description = "Do not write the PDF and HTML report into <out>/report.")
    boolean noReport;

    @Option(names = "--overwrite", description = "Replace another experiment's results in --out (else such a folder is refused).")
    boolean overwrite;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (name.equals("list")) {
            for (Experiment e : Experiments.all()) {
                stdout.printf(Locale.ROOT, "%-18s %s%n", e.name(), e.summary());
            }
            stdout.flush();
            return ExitCodes.OK;
        }
        Experiment experiment = Experiments.named(name).orElseThrow(() -> new BadInputException("NAME must be list or"
                + " one of " + Experiments.all().stream().map(Experiment::name).collect(Collectors.joining(", "))
                + ", not '" + name + "'"));
        Path folder = out != null ? out : Path.of("batchscope-experiment-" + experiment.name());
        run(experiment, Scale.parse(scale), folder, threads, overwrite, !noReport, stdout, spec.commandLine().getErr());
        stdout.flush();
        return ExitCodes.OK;
    }

    /**
     * Runs {@code experiment} into {@code folder} (claimed for it: locked, labelled, resumed), prints its
     * claims table, writes the report when asked and prints where the results are.
     *
     * @param threads runs trained at once, or null for every core
     * @return the experiment's result
     */
    static ExperimentResult run(Experiment experiment, Scale size, Path folder, Integer threads, boolean overwrite,
            boolean report, PrintWriter stdout, PrintWriter err) {
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BadInputException.require(cores >= 1 && cores <= 1024, "--threads", "an integer in [1, 1024]", cores);
        ExperimentResult result;
        try (OutputFolder owned = OutputFolder.claim(folder, OutputFolder.Kind.EXPERIMENT,
                experiment.name() + " at scale " + size.cliName(), overwrite, "--out")) {
            result = ExperimentRunner.run(experiment, size, folder, cores, err,
                    TerminalProgress.forStderr(err, System.console() != null));
            print(result, stdout);
            if (report) {
                Path reportFolder = folder.resolve("report");
                ExperimentReport.write(result, folder, reportFolder);
                stdout.println("report: " + reportFolder.resolve(ExperimentReport.PDF) + " and "
                        + reportFolder.resolve(ExperimentReport.HTML));
            }
        }
        stdout.println("results: " + folder.resolve(ExperimentResult.FILE));
        return result;
    }

    static void print(ExperimentResult result, PrintWriter stdout) {
        stdout.println("experiment " + result.name() + " (scale " + result.scale() + ")");
        stdout.println("claim: " + result.claim());
        stdout.println("source: " + result.source());
        stdout.printf(Locale.ROOT, "%-30s %-14s %10s  %-24s %s%n", "claim", "verdict", "effect", "95% interval", "seeds");
        for (ClaimResult c : result.claims()) {
            stdout.printf(Locale.ROOT, "%-30s %-14s %10s  %-24s %s%n", c.id(), c.verdict().words(),
                    fmt(c.value().estimate()), "[" + fmt(c.value().low()) + ", " + fmt(c.value().high()) + "]",
                    c.value().nA() + (c.value().nB() > 0 ? " / " + c.value().nB() : ""));
        }
        for (ClaimResult c : result.claims()) {
            stdout.println("  " + c.id() + ": " + c.effect() + " (" + c.unit() + ")"
                    + (c.settle() == null ? "" : "; to settle it: " + c.settle()));
        }
        long unfinished = result.arms().stream().mapToLong(ExperimentResult.ArmRecord::unfinished).sum();
        if (unfinished > 0) {
            stdout.println("  " + unfinished + " runs diverged or failed; they are counted in experiment.json and left"
                    + " out of the effects");
        }
        result.notes().forEach(n -> stdout.println("  " + n));
        stdout.println("rule: a directional claim holds when the 95% interval of its effect lies entirely on the claimed"
                + " side of 0, does not hold when it lies entirely on the other side, and is inconclusive otherwise;"
                + " an equivalence claim holds when the interval lies inside its margin.");
    }

    private static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}

package org.batchscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.analyzer.sweep.RunCost;
import org.batchscope.analyzer.sweep.RunResult;
import org.batchscope.analyzer.sweep.RunSpec;
import org.batchscope.common.BadInputException;
import org.batchscope.common.files.RunFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope bench analysis}: what a run's analysis costs beside its training. For each case it
 * generates the eye-colour dogs at ratio 3 into a temporary folder, runs {@code analyze} on one thread
 * (one seed, the small CNN, the given batch sizes and any further analyze options) and prints, per run,
 * the training seconds, the seconds of each analysis phase ({@code timing.analysis_seconds}, see
 * {@link RunCost}) and analysis / training. Cases: {@code demo} (the sizes of {@code batchscope demo} at its
 * default scale, the eye-colour experiment: 32 px, 256 training and 128 validation and test images, 10 epochs, 2 evaluations per epoch, 4 probes
 * per run) and {@code cnn64} (64 px, 1,024 training and 256 validation and test images, 2 epochs, 2
 * evaluations per epoch, 4 probes per run). Trailing analyze options replace the case's own.
 */
@Command(name = "analysis",
        mixinStandardHelpOptions = true,
        description = {"Time a run's analysis (evaluations, gradient probes, end-of-run scoring, sharpness) against its training.",
            "",
            "Trailing arguments are passed to analyze and replace the case's own, e.g. -- --train-eval-samples all --eps-steps 10."})
public final class BenchAnalysisCommand implements Callable<Integer> {

    /** A benchmark case: the generated data and the training length and measuring density. */
    enum Case {
        /** The sizes of one arm of {@code batchscope demo} at its default scale (the eye-colour experiment). */
        DEMO(32, 256, 128, 10, 2, 4),
        CNN64(64, 1024, 256, 2, 2, 4);

        final int imageSize;
        final int train;
        final int heldOut;
        final int epochs;
        final int evalsPerEpoch;
        final int probesPerRun;

        Case(int imageSize, int train, int heldOut, int epochs, int evalsPerEpoch, int probesPerRun) {
            this.imageSize = imageSize;
            this.train = train;
            this.heldOut = heldOut;
            this.epochs = epochs;
            this.evalsPerEpoch = evalsPerEpoch;
            this.probesPerRun = probesPerRun;
        }

        String specText() {
            return String.join("\n", "kind: images", "size: " + imageSize, "train: " + train, "val: " + heldOut,
                    "test: " + heldOut, "seed: 1", "ratio: 3", "classes: [blue, amber]", "counterfactuals: true", "");
        }
    }

    private static final List<String> PHASES = List.of(RunCost.Phase.EVALUATIONS, RunCost.Phase.GRADIENT_PROBES, RunCost.Phase.SCORING,
            RunCost.Phase.EPS_SHARPNESS, RunCost.Phase.LANCZOS);

    @Spec
    CommandSpec spec;

    @Option(names = "--cases", split = ",", paramLabel = "CASE", defaultValue = "demo,cnn64",
            description = "demo and/or cnn64. Default: ${DEFAULT-VALUE}.")
    List<String> cases;

    @Option(names = "--batch-sizes", paramLabel = "B,B,...", defaultValue = "1,32",
            description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
    String batchSizes;

    @Parameters(paramLabel = "ANALYZE-OPTION", description = "Further analyze options (after --).")
    List<String> analyzeOptions = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        List<Case> chosen = new ArrayList<>();
        for (String name : cases) {
            BadInputException.require(name.equals("demo") || name.equals("cnn64"), "--cases", "a list of demo, cnn64",
                    name);
            chosen.add(Case.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-6s %5s %9s", "case", "batch", "training");
        PHASES.forEach(p -> out.printf(" %15s", p));
        out.printf(" %9s %6s%n", "analysis", "ratio");
        for (Case c : chosen) {
            Path dir = Files.createTempDirectory("batchscope-bench-analysis");
            try {
                for (RunFile<RunSpec, Sharpness> run : analyze(c, dir)) {
                    print(out, c, run);
                }
            } finally {
                BenchTools.deleteTree(dir);
            }
        }
        out.println("seconds; ratio = analysis / training (training: the steps alone, see timing.training_seconds)");
        return ExitCodes.OK;
    }

    /** @return the run files of one case's sweep, in batch-size order */
    private List<RunFile<RunSpec, Sharpness>> analyze(Case c, Path dir) throws IOException {
        Path specFile = dir.resolve("spec.yaml");
        Files.writeString(specFile, c.specText());
        List<String> args = new ArrayList<>(List.of("--spec", specFile.toString(), "--out",
                dir.resolve("out").toString(), "--model", "cnn", "--batch-sizes", batchSizes, "--seeds", "1",
                "--epochs", String.valueOf(c.epochs), "--evals-per-epoch", String.valueOf(c.evalsPerEpoch),
                "--probes-per-run", String.valueOf(c.probesPerRun), "--threads", "1", "--no-report"));
        args.addAll(analyzeOptions);
        AnalyzeCommand analyze = new AnalyzeCommand();
        CommandLine line = new CommandLine(analyze).setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(true);
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new BadInputException(e.getMessage());
        }
        StringWriter quiet = new StringWriter();
        int code = analyze.analyze(new PrintWriter(quiet), new PrintWriter(quiet));
        if (code != ExitCodes.OK) {
            throw new IllegalStateException("analyze failed: " + quiet);
        }
        try (Stream<Path> files = Files.list(dir.resolve("out").resolve("runs"))) {
            return files.filter(f -> f.toString().endsWith(".json")).map(RunResult::read)
                    .sorted(java.util.Comparator.comparingInt(r -> r.config().run().batchSize())).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void print(PrintWriter out, Case c, RunFile<RunSpec, Sharpness> run) {
        RunFile.Timing timing = run.timing();
        Map<String, Double> phases = timing.analysisSeconds();
        out.printf("%-6s %5d %9.2f", c.name().toLowerCase(java.util.Locale.ROOT), run.config().run().batchSize(),
                timing.trainingSeconds());
        PHASES.forEach(p -> out.printf(" %15.2f", phases.getOrDefault(p, 0.0)));
        double total = phases.get(RunCost.Phase.TOTAL);
        out.printf(" %9.2f %6.2f%n", total, total / timing.trainingSeconds());
        out.flush();
    }
}

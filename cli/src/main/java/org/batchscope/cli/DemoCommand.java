package org.batchscope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.sweep.ShortcutReliance;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.BadInputException;
import org.batchscope.common.MetricDefinition;
import org.batchscope.common.MetricRegistry;
import org.batchscope.common.OutputFolder;
import org.batchscope.generator.NoisePreset;
import org.batchscope.reports.results.Numbers;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.ResultsReader;
import org.batchscope.reports.results.SweepResults;
import org.batchscope.reports.sweep.SummaryTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope demo}: a preset of {@code batchscope analyze}. It writes an image spec (the eye-colour
 * dogs) to {@code <out>/demo-spec.yaml} and a sweep file to {@code <out>/demo-sweep.yaml} (that spec at
 * ratios 0.3, 3 and 30, the three noise presets, with the small CNN at batch sizes 1, 4, 8 and 32 and 3
 * seeds) and runs {@code analyze --sweep <out>/demo-sweep.yaml}, which generates the datasets, trains,
 * measures every metric and writes the report; then prints a short summary table, the verdict and where
 * the report is. A rerun resumes like {@code analyze}.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the whole tool once: generate the eye-colour dogs at r = 0.3, 3 and 30 (feature-dominant,",
            "noise-over-feature, noise-dominant), train the small CNN at several batch sizes and seeds, measure",
            "every metric, write the PDF and PNG report, and print a summary table and the verdict. It is",
            "batchscope analyze --sweep <out>/demo-sweep.yaml, a sweep file it writes with sizes chosen by --scale;",
            "rerunning it resumes (finished runs are kept)."})
public final class DemoCommand implements Callable<Integer> {

    /** The spec file the demo writes into its folder; its presence marks the folder as a demo's. */
    static final String SPEC_FILE = "demo-spec.yaml";
    /** The sweep file the demo writes beside it and runs with {@code analyze --sweep}. */
    static final String SWEEP_FILE = "demo-sweep.yaml";

    /** Sizes of the demo: image size, images per split, epochs, seeds, evaluations per epoch, gradient probes. */
    enum Scale {
        SMALL(16, 64, 32, 32, 4, 2, 2, 2),
        DEFAULT(32, 256, 128, 128, 10, 3, 2, 4),
        LARGE(64, 1000, 200, 200, 10, 3, 4, 8);

        final int imageSize;
        final int train;
        final int val;
        final int test;
        final int epochs;
        final int seeds;
        final int evalsPerEpoch;
        final int probesPerRun;

        Scale(int imageSize, int train, int val, int test, int epochs, int seeds, int evalsPerEpoch, int probesPerRun) {
            this.imageSize = imageSize;
            this.train = train;
            this.val = val;
            this.test = test;
            this.epochs = epochs;
            this.seeds = seeds;
            this.evalsPerEpoch = evalsPerEpoch;
            this.probesPerRun = probesPerRun;
        }
    }


    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "batchscope-demo", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--scale", defaultValue = "default", paramLabel = "SIZE", description = "small (16 px, 64 training images, 4 epochs, 2 seeds), default (32 px, 256 images, 10 epochs, 3 seeds) or large (64 px, 1000 images, 10 epochs, 3 seeds). Default: ${DEFAULT-VALUE}.")
    Scale scale;

    @Option(names = "--image-size", paramLabel = "PX", description = "Image size, overriding --scale.")
    Integer imageSize;

    @Option(names = "--train", paramLabel = "N", description = "Training images per ratio, overriding --scale (validation and test: half as many).")
    Integer train;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run, overriding --scale.")
    Integer epochs;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per batch size, overriding --scale.")
    Integer seeds;

    @Option(names = "--batch-sizes", defaultValue = "1,4,8,32", paramLabel = "B,B,...", description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
    String batchSizes;

    @Option(names = "--rho", paramLabel = "P", description = "Background-class correlation of the training images, [0, 1]: with probability P an image's background is the family tied to its class (default 0: no shortcut to learn; test images keep 0).")
    Double rho;

    @Option(names = "--threads", paramLabel = "N", description = "Runs trained at once (default: all cores).")
    Integer threads;

    @Option(names = "--overwrite", description = "Delete the results --out holds and start afresh (else a rerun with the same settings resumes).")
    boolean overwrite;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path sweepFile = out.resolve(SWEEP_FILE);
        String command = "batchscope analyze " + AnalyzeCommand.SWEEP_OPTION + " " + sweepFile;
        byte[] specText = specText(command).getBytes(StandardCharsets.UTF_8);
        byte[] sweepText = sweepText(command).getBytes(StandardCharsets.UTF_8);
        // the same sweep as the sweep file, given as options, so that everything is checked before a file is written
        List<String> args = analyzeArguments();
        if (threads != null) {
            args.addAll(List.of("--threads", String.valueOf(threads)));
        }
        AnalyzeCommand analyze = new AnalyzeCommand();
        try {
            new CommandLine(analyze).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new BadInputException(e.getMessage());
        }
        AnalyzeCommand.PreparedSweep prepared = analyze.prepare(specText);
        int code;
        StringWriter analyzeOut = new StringWriter();
        try (OutputFolder folder = OutputFolder.claim(out, OutputFolder.Kind.RESULTS, prepared.identity(), overwrite,
                "--out")) {
            AtomicFiles.write(out.resolve(SPEC_FILE), specText);
            AtomicFiles.write(sweepFile, sweepText);
            err.println("demo: " + command);
            err.flush();
            code = analyze.run(prepared, new PrintWriter(analyzeOut, true), err);
        }
        printSummary(ResultsReader.read(out), stdout);
        stdout.println();
        stdout.print(analyzeOut);
        stdout.flush();
        return code;
    }

    /**
     * @param command the analyze command the demo runs (without --threads, which changes no result)
     * @return the image spec of the demo's datasets (its ratio is replaced per noise preset), with the
     *         command as a comment
     */
    String specText(String command) {
        int trainImages = train != null ? train : scale.train;
        BadInputException.require(trainImages >= 2, "--train", "an integer >= 2", trainImages);
        BadInputException.require(rho == null || (rho >= 0 && rho <= 1), "--rho", "a number in [0, 1]", rho);
        int size = imageSize != null ? imageSize : scale.imageSize;
        BadInputException.require(size >= 16 && size <= 512, "--image-size", "an integer in [16, 512]", size);
        BadInputException.require(trainImages <= 1_000_000, "--train", "an integer in [2, 1000000]", trainImages);
        return String.join("\n",
                "# written by batchscope demo: the eye-colour dogs; analyze replaces ratio with each of the sweep's ratios",
                "# " + command,
                "kind: images",
                "size: " + (imageSize != null ? imageSize : scale.imageSize),
                "train: " + trainImages,
                "val: " + (train != null ? Math.max(1, trainImages / 2) : scale.val),
                "test: " + (train != null ? Math.max(1, trainImages / 2) : scale.test),
                "seed: 1",
                "classes: [blue, amber]",
                "counterfactuals: true",
                rho == null ? "" : "rho: " + Numbers.compact(rho) + "\n");
    }

    /**
     * @param command the analyze command the demo runs
     * @return the sweep file of the demo: the three noise presets of {@link #SPEC_FILE}, the small CNN, the
     *         batch sizes and the sizes of {@code --scale} (paths relative to the file's folder)
     */
    String sweepText(String command) {
        String ratios = Arrays.stream(NoisePreset.values()).map(p -> Numbers.compact(p.ratio()))
                .collect(Collectors.joining(", "));
        return String.join("\n",
                "# written by batchscope demo; " + command + " runs it (paths are relative to this file)",
                "spec: " + SPEC_FILE,
                "ratios: [" + ratios + "]",
                "out: .",
                "model: cnn",
                "batch_sizes: [" + batchSizes.replace(",", ", ") + "]",
                "seeds: " + (seeds != null ? seeds : scale.seeds),
                "epochs: " + (epochs != null ? epochs : scale.epochs),
                "evals_per_epoch: " + scale.evalsPerEpoch,
                "probes_per_run: " + scale.probesPerRun,
                "");
    }

    /** @return the options of the analyze command that {@link #sweepText} describes */
    List<String> analyzeArguments() {
        String ratios = Arrays.stream(NoisePreset.values()).map(p -> Numbers.compact(p.ratio()))
                .collect(Collectors.joining(","));
        return new ArrayList<>(List.of("--spec", out.resolve(SPEC_FILE).toString(), "--ratios", ratios,
                "--out", out.toString(), "--model", "cnn", "--batch-sizes", batchSizes,
                "--seeds", String.valueOf(seeds != null ? seeds : scale.seeds),
                "--epochs", String.valueOf(epochs != null ? epochs : scale.epochs),
                "--evals-per-epoch", String.valueOf(scale.evalsPerEpoch),
                "--probes-per-run", String.valueOf(scale.probesPerRun)));
    }

    /**
     * Prints one line per noise ratio and batch size: final accuracy, oscillation and background reliance
     * (with the shortcut gap when the training images had a background shortcut, rho &gt; 0) and the runs by
     * state.
     */
    static void printSummary(SweepResults results, PrintWriter stdout) {
        boolean shortcut = results.cells().stream().anyMatch(c -> c.has(ShortcutReliance.SHORTCUT_GAP));
        String format = "%6s %4s  %-15s  %9s  %8s  %16s  %6s" + (shortcut ? "  %12s" : "%s") + "  %s%n";
        stdout.printf(Locale.ROOT, format, "r", "B", "final accuracy", "amplitude", "reversal", "feature_reliance",
                "bg_gap", shortcut ? "shortcut_gap" : "", "runs by state");
        for (ResultCell c : results.cells()) {
            stdout.printf(Locale.ROOT, format, c.ratio() == null ? "-" : Numbers.compact(c.ratio()), c.batchSize(),
                    SummaryTable.finalAccuracy(c), Numbers.fixed(c.mean(OscillationMetrics.AMPLITUDE), 4),
                    Numbers.fixed(c.mean(OscillationMetrics.REVERSAL_RATE), 2),
                    Numbers.fixed(c.mean(ShortcutReliance.FEATURE_RELIANCE), 3),
                    Numbers.fixed(c.mean(ShortcutReliance.BG_GAP), 3),
                    shortcut ? Numbers.fixed(c.mean(ShortcutReliance.SHORTCUT_GAP), 3) : "", SummaryTable.states(c));
        }
        stdout.println("Mean over completed seeds (± sample std); amplitude and reversal of the validation accuracy"
                + " (a climb counts in amplitude too; the states tell a climb from a zig-zag).");
        for (String name : List.of(OscillationMetrics.AMPLITUDE, OscillationMetrics.REVERSAL_RATE,
                ShortcutReliance.FEATURE_RELIANCE, ShortcutReliance.BG_GAP)) {
            MetricDefinition metric = MetricRegistry.find(name).orElseThrow();
            stdout.println(name + " (" + metric.unit() + "): " + metric.definition());
        }
        if (shortcut) {
            stdout.println("shortcut_gap: accuracy on test images with their class's background family minus accuracy"
                    + " with another class's family.");
        }
    }
}

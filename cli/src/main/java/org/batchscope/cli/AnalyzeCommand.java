package org.batchscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.batchscope.analyzer.data.DatasetLoader;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.data.RemoteDatasetReader;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EpochMilestones;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.sharpness.SharpnessSettings;
import org.batchscope.analyzer.sweep.BatchSize;
import org.batchscope.reports.sweep.CurveAxis;
import org.batchscope.analyzer.sweep.LocalRunExecutor;
import org.batchscope.analyzer.sweep.LrScaling;
import org.batchscope.analyzer.sweep.ModelChoice;
import org.batchscope.analyzer.sweep.RunExecutor;
import org.batchscope.analyzer.sweep.RunExecutorProvider;
import org.batchscope.analyzer.sweep.RunExecutors;
import org.batchscope.analyzer.sweep.SpecVariants;
import org.batchscope.analyzer.sweep.SummaryWriter;
import org.batchscope.analyzer.sweep.Sweep;
import org.batchscope.analyzer.sweep.SweepDataset;
import org.batchscope.analyzer.sweep.SweepSpec;
import org.batchscope.analyzer.sweep.SweepPreflight;
import org.batchscope.analyzer.weights.WeightsFolder;
import org.batchscope.common.BadInputException;
import org.batchscope.generator.spec.DatasetSpec;
import picocli.CommandLine;
import org.batchscope.common.Json;
import org.batchscope.common.OutputFolder;
import org.batchscope.common.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope analyze}: a batch-size sweep on one dataset or on a noise sweep of generated ones. The
 * options may come from a sweep file ({@code --sweep FILE}, see {@link SweepFile}); options given on the
 * command line override the file's values.
 */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train batch sizes x learning rates x seeds (x noise ratios) and measure how training oscillates.",
            "",
            "The options may be given as a file: --sweep FILE, a YAML or JSON mapping of these options in snake_case "
                    + "(batch_sizes: [1, 8, 32], lr_scaling: sqrt, ...); options on the command line override it.",
            "Results: <out>/runs/<config-hash>.json per run, <out>/summary.json, <out>/summary.csv (one row per "
                    + "cell), <out>/verdict.txt, and the report <out>/report/report.pdf with its PNG charts (unless "
                    + "--no-report); with --save-weights also <out>/weights/<config-hash>/ (each run's final parameters as .npy). "
                    + "Rerunning the same command resumes: finished runs are skipped."})
public final class AnalyzeCommand implements Callable<Integer> {

    /** The option that names a sweep file. */
    static final String SWEEP_OPTION = "--sweep";

    @Spec
    CommandSpec spec;


    @Option(names = SWEEP_OPTION, paramLabel = "FILE", description = "A YAML or JSON file of these options (keys in snake_case, paths relative to the file); options on the command line override it.")
    Path sweepFile;

    @Option(names = "--data", paramLabel = StorageUri.PATH_OR_URI, description = "A generated dataset folder, an ImageFolder, a CSV file or a <name>X.npy file (labels in <name>y.npy); a path or a file:// URI. With --executor spark in the Spark build also a dataset folder's URI on any store Hadoop's FileSystem reads (hdfs://, s3a://, ...): fetched into each host's cache and verified.")
    String data;

    @Option(names = "--spec", paramLabel = "FILE", description = "A generator spec (images or tabular); with --ratios, each ratio is generated into <out>/datasets/r=<r>/.")
    Path specFile;

    @Option(names = "--ratios", split = ",", paramLabel = "R", description = "Noise-to-feature ratios for --spec (default: the spec's own ratio).")
    List<Double> ratios;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (required, here or in the sweep file); a path or a file:// URI.")
    Path out;

    @Option(names = "--model", defaultValue = "auto", paramLabel = "NAME", description = "auto (MLP for tables, small CNN for images), logreg, mlp, cnn, or a DL4J model file. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--engine", paramLabel = "NAME", description = "Training engine: lean or dl4j (default: the highest-ranked engine in this build that supports the model: lean for the built-in models, dl4j for a DL4J model file).")
    String engine;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "1,4,8,32", paramLabel = "B", description = "Batch sizes; full = the whole training set (batch gradient descent). Default: ${DEFAULT-VALUE}.")
    List<String> batchSizes;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N", description = "Seeds per cell. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N", description = "Epochs per run (with --budget steps: epochs of the smallest batch size). Default: ${DEFAULT-VALUE}.")
    long epochs;

    @Option(names = "--steps", paramLabel = "N", description = "With --budget steps: steps per run (default: --epochs epochs of the smallest batch size).")
    Long steps;

    @Option(names = {"--lr", "--lrs"}, split = ",", defaultValue = "0.05", paramLabel = "X", description = "Learning rate(s) at --lr-reference-batch. Default: ${DEFAULT-VALUE}.")
    List<Double> lrs;

    @Option(names = "--lr-scaling", defaultValue = "fixed", paramLabel = "RULE", description = "fixed, linear (lr x B/B_ref) or sqrt (lr x sqrt(B/B_ref)). Default: ${DEFAULT-VALUE}.")
    String lrScaling;

    @Option(names = "--lr-reference-batch", defaultValue = "32", paramLabel = "B", description = "The batch size --lr is given for. Default: ${DEFAULT-VALUE}.")
    int lrReferenceBatch;

    @Option(names = "--batch-schedule", defaultValue = EpochMilestones.NONE_TEXT, paramLabel = "F@E,...", description = "Multiply every run's batch size by F at the start of epochs E,... (0-based; 2@10,20: x2 after 10 and after 20 epochs), or none. The grown batch must fit the training set. Default: ${DEFAULT-VALUE}.")
    String batchSchedule;

    @Option(names = "--lr-decay", defaultValue = EpochMilestones.NONE_TEXT, paramLabel = "F@E,...", description = "Divide every run's learning rate by F at the start of epochs E,... (0-based), or none. Default: ${DEFAULT-VALUE}.")
    String lrDecay;

    @Option(names = "--budget", defaultValue = "epochs", paramLabel = "KIND", description = "epochs (equal epochs) or steps (equal steps: train longer). Default: ${DEFAULT-VALUE}.")
    Budget.Kind budget;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME", description = "sgd, momentum, nesterov or adam. Default: ${DEFAULT-VALUE}.")
    OptimizerSpec.Kind optimizer;

    @Option(names = "--momentum", defaultValue = "0.9", paramLabel = "MU", description = "Momentum for momentum and nesterov. Default: ${DEFAULT-VALUE}.")
    double momentum;

    @Option(names = "--hidden", split = ",", defaultValue = "64", paramLabel = "H", description = "MLP hidden layer sizes. Default: ${DEFAULT-VALUE}.")
    List<Integer> hidden;

    @Option(names = "--label-column", defaultValue = LoadOptions.DEFAULT_LABEL_COLUMN, paramLabel = "NAME", description = "Label column of a CSV file. Default: ${DEFAULT-VALUE}.")
    String labelColumn;

    @Option(names = "--image-size", paramLabel = "PX", description = "Resize images to PX x PX (needed when an ImageFolder mixes sizes).")
    Integer imageSize;

    @Option(names = "--evals-per-epoch", defaultValue = "4", paramLabel = "N", description = "Evaluations per epoch. Default: ${DEFAULT-VALUE}.")
    int evalsPerEpoch;

    @Option(names = "--eval-every", paramLabel = "STEPS", description = "Evaluate every STEPS steps instead.")
    Integer evalEvery;

    @Option(names = "--probes-per-run", defaultValue = "8", paramLabel = "N", description = "Gradient noise probes per run (0: none). Default: ${DEFAULT-VALUE}.")
    int probesPerRun;

    @Option(names = "--probe-every", paramLabel = "STEPS", description = "Probe every STEPS steps instead.")
    Integer probeEvery;

    @Option(names = "--probe-size", defaultValue = "64", paramLabel = "N", description = "Examples per gradient probe. Default: ${DEFAULT-VALUE}.")
    int probeSize;

    @Option(names = "--train-eval-samples", defaultValue = "128", paramLabel = "N", description = "Training samples each evaluation during training scores (a fixed subset; its accuracy resolves 1/N), or all. The end-of-run train accuracy and loss use every sample. Default: ${DEFAULT-VALUE}.")
    String trainEvalSamples;

    @Option(names = "--gap-samples", defaultValue = "all", paramLabel = "N", description = "Training samples the end-of-run train accuracy and loss (and so the generalization gap) score: a fixed subset of N (the first of the probe-set order), or all. Default: ${DEFAULT-VALUE}.")
    String gapSamples;

    @Option(names = "--validation-samples", defaultValue = "all", paramLabel = "N", description = "Validation samples each evaluation during training scores: a fixed subset of N (the first of a fixed permutation of the validation split; accuracy then resolves 1/N), or all. Default: ${DEFAULT-VALUE}.")
    String validationSamples;

    @Option(names = "--sharpness-samples", defaultValue = "128", paramLabel = "N", description = "Training samples (a fixed subset) whose loss the end-of-run sharpness measures. Default: ${DEFAULT-VALUE}.")
    int sharpnessSamples;

    @Option(names = "--lanczos-iterations", defaultValue = "20", paramLabel = "N", description = "At most N Hessian-vector products for the largest Hessian eigenvalue (an unconverged one is recorded, not used). Default: ${DEFAULT-VALUE}.")
    int lanczosIterations;

    @Option(names = "--lanczos-tolerance", defaultValue = "0.01", paramLabel = "X", description = "The eigenvalue counts as converged when its Ritz residual is at most X times its size. Default: ${DEFAULT-VALUE}.")
    double lanczosTolerance;

    @Option(names = "--eps-steps", defaultValue = "0", paramLabel = "N", description = "Ascent steps of epsilon-sharpness (each a gradient pass over the sharpness samples); 0: not measured. Default: ${DEFAULT-VALUE}.")
    int epsSteps;

    @Option(names = "--eps", defaultValue = "0.001", paramLabel = "X", description = "Box size of epsilon-sharpness: |y_i| <= X (|x_i| + 1). Default: ${DEFAULT-VALUE}.")
    double eps;

    @Option(names = "--threads", paramLabel = "N", description = "Runs trained at once (default: all cores).")
    Integer threads;

    @Option(names = "--executor", defaultValue = LocalRunExecutor.NAME, paramLabel = "NAME", description = "Where runs train: local (threads of this process) or spark (tasks of a Spark cluster; in the Spark build). Default: ${DEFAULT-VALUE}.")
    String executor;

    @Option(names = "--master", paramLabel = "URL", description = "With --executor spark: the Spark master (local[N], spark://host:port, ...; default: what spark-submit sets).")
    String master;

    @Option(names = "--target-accuracy", paramLabel = "A", description = "Validation accuracy for steps and seconds to target (default: chance + 0.9 x (best cell's mean final accuracy - chance), rounded down to 0.01).")
    Double targetAccuracy;

    @Option(names = "--save-weights", description = "Also write each completed run's final parameters as .npy files (PyTorch's shapes), the samples its curvature was measured on and weights.json into <out>/weights/<config-hash>/ (analyzer/README.md, \"Saved weights\"). Local executor and built-in models only.")
    boolean saveWeights;

    @Option(names = "--no-report", description = "Do not write the PDF report and charts into <out>/report at the end.")
    boolean noReport;

    @Option(names = "--x-axis", defaultValue = "epochs", paramLabel = "AXIS", description = "x axis of the report's training curves (chart 1): epochs, steps or samples. Default: ${DEFAULT-VALUE}.")
    String xAxis;

    @Option(names = "--overwrite", description = "Delete the results in --out if they are of other data (else such a folder is refused).")
    boolean overwrite;

    @Option(names = "--no-verify", description = "Check a generated dataset's files against its manifest by size only, not by SHA-256.")
    boolean noVerify;

    @Override
    public Integer call() {
        return analyze(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Runs the sweep and writes the report; prints the verdict and where the results are to {@code stdout},
     * progress and errors to {@code err}.
     *
     * @return the exit code
     */
    int analyze(PrintWriter stdout, PrintWriter err) {
        if (sweepFile != null) {
            SweepFile file = SweepFile.read(sweepFile, spec);
            List<String> given = givenOptions();
            AnalyzeCommand resolved = withSweepFile(file, given);
            try {
                return resolved.analyze(stdout, err);
            } catch (BadInputException e) {
                throw file.explain(e, given);
            }
        }
        PreparedSweep prepared = prepare(null, err);
        try (OutputFolder folder = OutputFolder.claim(out, OutputFolder.Kind.RESULTS, prepared.identity(), overwrite,
                "--out")) {
            return run(prepared, stdout, err);
        }
    }

    /** A sweep whose every input and option has been checked; nothing is written yet. */
    record PreparedSweep(SweepSpec sweep, LoadOptions options, List<SweepDataset> datasets, CurveAxis curveAxis,
            String identity) {
    }

    /**
     * Checks every option and input (the data is read and verified, a model file is read and tried on one
     * sample, the numbers are bounded) before anything is written.
     *
     * @param specBytes the content --spec will have when the sweep runs (the demo writes it after the checks),
     *                  or null to read the file
     * @param err       where a dataset read from a URI says where it was fetched to
     * @return the checked sweep, with the identity its results folder records (the data it runs on)
     */
    PreparedSweep prepare(byte[] specBytes, PrintWriter err) {
        if ((data == null) == (specFile == null)) {
            throw new BadInputException("give either --data PATH or --spec FILE");
        }
        out = StorageUri.path(out, "--out");
        BadInputException.require(out != null, "--out", "a results folder (on the command line or in the sweep file)",
                "nothing");
        checkSaveWeights();
        RunExecutors.check(executor, master);
        RemoteDatasetReader remote = data == null ? null : StorageUri.remoteReader(data, "--data", executor);
        BadInputException.require(ratios == null || specFile != null, "--ratios", "used with --spec", ratios);
        BadInputException.require(ratios == null || ratios.stream().distinct().count() == ratios.size(), "--ratios",
                "distinct values", ratios);
        CurveAxis curveAxis = CurveAxis.parse(xAxis);
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SweepSpec sweep = new SweepSpec(model, engine, batchSizes.stream().map(BatchSize::parse).toList(), seeds, epochs, steps, lrs,
                LrScaling.fromCliName(lrScaling), lrReferenceBatch, budget, optimizer, momentum, hidden, evalsPerEpoch,
                evalEvery, probesPerRun, probeEvery, probeSize, cores, targetAccuracy,
                EpochMilestones.parse("--batch-schedule", batchSchedule), EpochMilestones.parse("--lr-decay", lrDecay),
                sampleCount(trainEvalSamples, "--train-eval-samples"), sampleCount(gapSamples, "--gap-samples"),
                sampleCount(validationSamples, "--validation-samples"),
                new SharpnessSettings(eps, epsSteps, sharpnessSamples, lanczosIterations,
                        lanczosTolerance, SharpnessSettings.DEFAULTS.seed()));
        SweepPreflight.check(sweep);
        LoadOptions options = new LoadOptions(labelColumn, imageSize);
        List<SweepDataset> datasets = new ArrayList<>();
        String identity;
        if (data != null) {
            LoadedDataset loaded = remote != null ? remote.load(StorageUri.uri(data, "--data"), options, err)
                    : DatasetLoader.load(StorageUri.path(data, "--data"), options, !noVerify);
            SweepPreflight.check(sweep, loaded);
            datasets.add(new SweepDataset(loaded, loaded.ratio(), options));
            identity = "data " + loaded.contentSha256();
        } else {
            if (specBytes == null) {
                // the spec's kind and fields, and the batch sizes against its training set, are checked
                // before anything is generated or written
                for (DatasetSpec variant : SpecVariants.specs(SpecVariants.read(specFile), ratios)) {
                    SweepPreflight.checkTrainingSetSize(sweep, SpecVariants.trainingSamples(variant, specFile),
                            specFile.toString());
                }
            }
            identity = specIdentity(specBytes != null ? specBytes : Json.readSpecBytes(specFile), ratios);
        }
        return new PreparedSweep(sweep, options, datasets, curveAxis, identity);
    }

    /**
     * Refuses {@code --save-weights} where the weights cannot be saved: runs trained on a cluster's workers
     * (their models never reach this process) and a user's DL4J model file (its parameters have no documented
     * layout).
     */
    private void checkSaveWeights() {
        if (!saveWeights) {
            return;
        }
        BadInputException.require(executor.equals(LocalRunExecutor.NAME), "--save-weights",
                "used with --executor local (the runs of --executor " + executor + " keep their models on the"
                        + " workers)", "--executor " + executor);
        BadInputException.require(ModelChoice.isBuiltIn(model), "--save-weights",
                "used with a built-in model (--model auto, logreg, mlp or cnn); a DL4J model file's parameters"
                        + " have no documented layout (save the network with DL4J's ModelSerializer instead)",
                "--model " + model);
    }

    /** @return a sample-count option's value as a count, {@link SweepSpec#ALL_SAMPLES} for all */
    private static int sampleCount(String value, String option) {
        if (value.equals("all")) {
            return SweepSpec.ALL_SAMPLES;
        }
        BadInputException.require(value.matches("[1-9][0-9]{0,8}"), option, "a positive integer or all", value);
        return Integer.parseInt(value);
    }

    /** @return the identity of the results of a noise sweep: the spec file's bytes and the ratios */
    static String specIdentity(byte[] spec, List<Double> ratios) {
        return "spec " + Sha256.of(spec) + " ratios " + ratios;
    }

    /** Runs a prepared sweep into the claimed --out folder; see {@link #analyze}. */
    int run(PreparedSweep prepared, PrintWriter stdout, PrintWriter err) {
        SweepSpec sweep = prepared.sweep();
        LoadOptions options = prepared.options();
        List<SweepDataset> datasets = new ArrayList<>(prepared.datasets());
        if (specFile != null) {
            DatasetSpec datasetSpec = SpecVariants.read(specFile);
            for (SpecVariants.Variant v : SpecVariants.generate(datasetSpec, ratios, out, sweep.threads(), err)) {
                LoadedDataset loaded = DatasetLoader.load(v.folder(), options, !noVerify);
                SweepPreflight.check(sweep, loaded);
                datasets.add(new SweepDataset(loaded, v.ratio(), options));
            }
        }
        CurveAxis curveAxis = prepared.curveAxis();
        Sweep.Result result;
        WeightsFolder weights = saveWeights ? new WeightsFolder(out) : null;
        try (RunExecutor runExecutor = weights != null ? new LocalRunExecutor(sweep.threads(), weights)
                : RunExecutors.create(executor, new RunExecutorProvider.Settings(master, sweep.threads(), err))) {
            result = Sweep.run(sweep, datasets, out, TerminalProgress.forStderr(err, System.console() != null),
                    runExecutor, weights);
        }
        result.verdict().forEach(stdout::println);
        stdout.println("results: " + out.resolve(SummaryWriter.CSV) + ", " + out.resolve(SummaryWriter.JSON));
        if (!noReport) {
            ReportCommand.write(out, out.resolve(ReportCommand.DEFAULT_FOLDER), curveAxis, true, stdout);
        }
        stdout.flush();
        if (result.outcome().failed() > 0) {
            err.println("error: " + result.outcome().failed() + " of " + result.runs() + " runs failed (status"
                    + " 'failed' in their run files); rerun the command to retry them");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** @return this command's own options given on the command line, as {@code --name=value} */
    private List<String> givenOptions() {
        List<String> given = new ArrayList<>();
        for (OptionSpec option : new LinkedHashSet<>(spec.commandLine().getParseResult().matchedOptions())) {
            if (!option.inherited() && !option.longestName().equals(SWEEP_OPTION)) {
                option.originalStringValues().forEach(value -> given.add(option.longestName() + "=" + value));
            }
        }
        return given;
    }

    /**
     * @param given this command's options given on the command line ({@link #givenOptions})
     * @return a command with this one's options re-parsed over the sweep file's values: the file replaces
     *         the defaults, and every option given here (but {@code --sweep}) replaces the file's value
     * @throws BadInputException for a value the options refuse
     */
    private static AnalyzeCommand withSweepFile(SweepFile file, List<String> given) {
        AnalyzeCommand resolved = new AnalyzeCommand();
        try {
            new CommandLine(resolved).setCaseInsensitiveEnumValuesAllowed(true).setDefaultValueProvider(file)
                    .parseArgs(given.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw file.explain(e);
        }
        return resolved;
    }
}

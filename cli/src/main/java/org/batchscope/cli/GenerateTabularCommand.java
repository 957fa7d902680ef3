package org.batchscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.generator.NoisePreset;
import org.batchscope.generator.tabular.Split;
import org.batchscope.generator.tabular.TabularGenerator;
import org.batchscope.generator.tabular.TabularResult;
import org.batchscope.generator.tabular.TabularSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope generate tabular}: a table whose informative columns hide among structured-noise
 * blocks, with the noise-to-feature ratio r as a dial. Options override the spec file's values; the
 * resolved spec is recorded in the manifest.
 */
@Command(name = "tabular",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Generate a table: Gaussian class clusters (as scikit-learn's make_classification) hidden among "
                    + "structured-noise blocks (factor, periodic, cluster, drift, categorical) whose total variance "
                    + "is r times that of the informative columns.",
            "Writes <out>/<split>.csv (label column 'label'), <out>/<split>_X.npy (float32), "
                    + "<out>/<split>_y.npy (int32) and <out>/manifest.json.",
            "Spec file fields: see samples/specs/tabular-*.yaml; options override them."})
public final class GenerateTabularCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec command;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (new or empty).")
    Path out;

    @Option(names = "--spec", paramLabel = "FILE", description = "YAML or JSON spec; options below override it.")
    Path specFile;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Ratio preset: feature-dominant (r=0.3), noise-over-feature (3), noise-dominant (30).")
    String preset;

    @Option(names = "--ratio", paramLabel = "R",
            description = "r = total variance of structured-noise columns / that of informative columns (spec: ratio).")
    Double ratio;

    @Option(names = "--rho", paramLabel = "P", description = "Shortcut strength in train, 0..1 (spec: rho).")
    Double rho;

    @Option(names = "--rho-eval", paramLabel = "P", description = "Shortcut strength in val and test (spec: rho_eval).")
    Double rhoEval;

    @Option(names = "--shortcut-block", paramLabel = "B", description = "Index of the shortcut noise block (spec: shortcut_block).")
    Integer shortcutBlock;

    @Option(names = "--train", paramLabel = "N", description = "Train rows.")
    Long train;

    @Option(names = "--val", paramLabel = "N", description = "Validation rows.")
    Long val;

    @Option(names = "--test", paramLabel = "N", description = "Test rows.")
    Long test;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed.")
    Long seed;

    @Option(names = "--classes", paramLabel = "K", description = "Number of classes (spec: n_classes).")
    Integer classes;

    @Option(names = "--clusters-per-class", paramLabel = "N", description = "Spec: n_clusters_per_class.")
    Integer clustersPerClass;

    @Option(names = "--informative", paramLabel = "N", description = "Informative columns (spec: n_informative).")
    Integer informative;

    @Option(names = "--redundant", paramLabel = "N", description = "Linear mixtures of informative columns (spec: n_redundant).")
    Integer redundant;

    @Option(names = "--repeated", paramLabel = "N", description = "Copies of informative/redundant columns (spec: n_repeated).")
    Integer repeated;

    @Option(names = "--class-sep", paramLabel = "X", description = "Half the hypercube side (spec: class_sep).")
    Double classSep;

    @Option(names = "--weights", paramLabel = "W", split = ",", description = "Class proportions, comma-separated (spec: weights).")
    List<Double> weights;

    @Option(names = "--flip", paramLabel = "F", description = "Exact fraction of labels changed to another class (spec: flip_y; scikit-learn's flip_y"
                    + " re-draws labels at random and changes fewer).")
    Double flip;

    @Option(names = "--noise", paramLabel = "N", description = "Unstructured iid noise columns (spec: n_noise).")
    Integer noise;

    @Option(names = "--rotate", negatable = true, description = "Rotate rows by a random orthogonal matrix (spec: rotate).")
    Boolean rotate;

    @Option(names = "--anonymous", negatable = true, description = "Name columns x0, x1, ... in random order (spec: anonymous).")
    Boolean anonymous;

    @Option(names = "--format", paramLabel = "F", split = ",", description = "Files to write: csv, npy (spec: formats).")
    List<String> formats;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors); output is the same for any value.")
    Integer threads;

    @Option(names = "--overwrite", description = "Replace the content of a non-empty --out folder.")
    boolean overwrite;

    @Override
    public Integer call() {
        TabularSpec spec = resolveSpec();
        PrintWriter err = command.commandLine().getErr();
        ProgressLine progress = new ProgressLine(err);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        TabularResult result = TabularGenerator.generate(spec, out, overwrite, workers, progress::report);
        printSummary(command.commandLine().getOut(), spec, result);
        return ExitCodes.OK;
    }

    private TabularSpec resolveSpec() {
        TabularSpec base = specFile == null ? TabularSpec.defaults() : Json.readSpec(specFile, TabularSpec.class);
        if (preset != null && ratio != null) {
            throw new BadInputException("--preset and --ratio both set the ratio; give one of them");
        }
        Double requested = preset != null ? Double.valueOf(NoisePreset.fromCliName(preset).ratio()) : ratio;
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("ratio", requested);
        overrides.put("rho", rho);
        overrides.put("rho_eval", rhoEval);
        overrides.put("shortcut_block", shortcutBlock);
        overrides.put("train", train);
        overrides.put("val", val);
        overrides.put("test", test);
        overrides.put("seed", seed);
        overrides.put("n_classes", classes);
        overrides.put("n_clusters_per_class", clustersPerClass);
        overrides.put("n_informative", informative);
        overrides.put("n_redundant", redundant);
        overrides.put("n_repeated", repeated);
        overrides.put("class_sep", classSep);
        overrides.put("weights", weights);
        overrides.put("flip_y", flip);
        overrides.put("n_noise", noise);
        overrides.put("rotate", rotate);
        overrides.put("anonymous", anonymous);
        overrides.put("formats", formats);
        return base.with(overrides);
    }

    private static void printSummary(PrintWriter out, TabularSpec spec, TabularResult result) {
        out.printf("wrote %s: %d columns + label; %s rows%n", result.folder(), result.columns(),
                result.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        out.printf("ratio r: requested %s, achieved %.4g (%s)%n", spec.ratio(), result.ratioSummary().mean(),
                result.achievedRatio().entrySet().stream().map(e -> String.format("%s %.4g", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
        if (spec.flipY() > 0) {
            out.printf("flipped labels: %s%n", result.flipped().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        out.printf("content_sha256 %s%n", result.contentSha256());
        out.flush();
    }

    /** Prints "split: done/total rows" to stderr at most once a second and at the end of each split. */
    private static final class ProgressLine {
        private final PrintWriter err;
        private long last = System.nanoTime();

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        void report(Split split, long done, long total) {
            long now = System.nanoTime();
            if (done == total || now - last > 1_000_000_000L) {
                last = now;
                err.printf("%s: %d/%d rows (%d%%)%n", split.fileName(), done, total, 100 * done / total);
                err.flush();
            }
        }
    }
}

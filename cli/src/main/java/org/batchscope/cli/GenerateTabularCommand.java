package org.batchscope.cli;

import java.nio.file.Path;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.batchscope.generator.tabular.Split;
import org.batchscope.generator.tabular.TabularGenerator;
import org.batchscope.generator.tabular.TabularResult;
import org.batchscope.generator.spec.TabularSpec;
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
            "Generate a table whose class clusters hide among structured-noise blocks, r times their variance.",
            "",
            "Gaussian class clusters (as scikit-learn's make_classification) hidden among "
                    + "structured-noise blocks (factor, periodic, cluster, drift, categorical) whose total variance "
                    + "is r times that of the informative columns.",
            "Writes <out>/<split>.csv (label column 'label'), <out>/<split>_X.npy (float32), "
                    + "<out>/<split>_y.npy (int32) and <out>/manifest.json.",
            "Spec file fields: see samples/specs/tabular-*.yaml; options override them."})
public final class GenerateTabularCommand implements Callable<Integer> {


    @Mixin
    GenerateOptions options;

    @Spec
    CommandSpec command;

    @Option(names = "--rho-eval", paramLabel = "P", description = "Shortcut strength in val and test (spec: rho_eval).")
    Double rhoEval;

    @Option(names = "--shortcut-block", paramLabel = "B", description = "Index of the shortcut noise block (spec: shortcut_block).")
    Integer shortcutBlock;

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

    @Override
    public Integer call() {
        TabularSpec spec = resolveSpec();
        PrintWriter err = command.commandLine().getErr();
        ProgressLine progress = new ProgressLine(err);
        Path out = options.checkedOut();
        int workers = options.threads.count();
        TabularResult result = TabularGenerator.generate(spec, out, options.overwrite, workers, progress::report,
                options.runner(workers, err));
        printSummary(command.commandLine().getOut(), spec, result);
        return ExitCodes.OK;
    }

    private TabularSpec resolveSpec() {
        Map<String, Object> overrides = options.overrides();
        GenerateOptions.put(overrides, "rho_eval", rhoEval);
        GenerateOptions.put(overrides, "shortcut_block", shortcutBlock);
        GenerateOptions.put(overrides, "n_classes", classes);
        GenerateOptions.put(overrides, "n_clusters_per_class", clustersPerClass);
        GenerateOptions.put(overrides, "n_informative", informative);
        GenerateOptions.put(overrides, "n_redundant", redundant);
        GenerateOptions.put(overrides, "n_repeated", repeated);
        GenerateOptions.put(overrides, "class_sep", classSep);
        GenerateOptions.put(overrides, "weights", weights);
        GenerateOptions.put(overrides, "flip_y", flip);
        GenerateOptions.put(overrides, "n_noise", noise);
        GenerateOptions.put(overrides, "rotate", rotate);
        GenerateOptions.put(overrides, "anonymous", anonymous);
        GenerateOptions.put(overrides, "formats", formats);
        return options.baseSpec(TabularSpec.class, TabularSpec::defaults, "generate tabular").with(overrides);
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

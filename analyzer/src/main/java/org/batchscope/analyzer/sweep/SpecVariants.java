package org.batchscope.analyzer.sweep;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.data.Holdout;
import org.batchscope.common.BadInputException;
import org.batchscope.common.files.DatasetManifest;
import org.batchscope.generator.image.ImageDatasetWriter;
import org.batchscope.generator.spec.ImageSpec;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.output.Manifest;
import org.batchscope.generator.spec.DatasetSpec;
import org.batchscope.generator.tabular.TabularGenerator;
import org.batchscope.generator.spec.TabularSpec;

/**
 * The datasets of a noise sweep from one generator spec: for each ratio r the spec with only
 * {@code ratio} replaced (same seed, same everything else) is generated into
 * {@code <out>/datasets/r=<r>/}. A folder that already holds the complete dataset of that spec (its
 * manifest carries the same {@code spec_sha256}) is reused. The spec file must say its kind
 * ({@code kind: images} or {@code kind: tabular}; see {@link DatasetSpec#read}).
 */
public final class SpecVariants {

    /** The sub-folder of the results folder that holds the generated variants. */
    public static final String DATASETS = "datasets";

    private SpecVariants() {
    }

    /** A generated variant: its folder and its requested ratio. */
    public record Variant(Path folder, double ratio) {
    }

    /**
     * Reads a spec file for {@code analyze --spec}.
     *
     * @throws BadInputException for a bad file or a file without {@code kind}
     */
    public static DatasetSpec read(Path specFile) {
        return DatasetSpec.read(specFile, (DatasetSpec.Kind) null, "analyze --spec");
    }

    /**
     * @return the training-set size the analyzer will see on a dataset of {@code spec}, known before it is
     *         generated: the spec's {@code train}, less the validation share {@link Holdout} carves when
     *         the spec has no val split
     * @param source the spec file, for messages
     */
    public static long trainingSamples(DatasetSpec spec, Path source) {
        if (spec.valCount() > 0 || spec.trainCount() > Integer.MAX_VALUE) {
            return spec.trainCount();
        }
        return Holdout.trainingCount((int) spec.trainCount(), source + " (train, with val: 0)");
    }

    /**
     * Generates (or reuses) one dataset per ratio.
     *
     * @param ratios the ratios, or null for the spec's own
     * @param err progress lines
     */
    public static List<Variant> generate(DatasetSpec base, List<Double> ratios, Path out, int threads,
            PrintWriter err) {
        List<Variant> variants = new ArrayList<>();
        for (DatasetSpec variant : specs(base, ratios)) {
            double ratio = variant.requestedRatio();
            Path folder = out.resolve(DATASETS).resolve("r=" + BigDecimal.valueOf(ratio).stripTrailingZeros().toPlainString());
            ensureGenerated(variant, folder, threads, err);
            variants.add(new Variant(folder, ratio));
        }
        return variants;
    }

    /**
     * @param ratios the ratios, or null for the spec's own
     * @return the spec of each ratio: {@code base} with only {@code ratio} replaced
     * @throws BadInputException for a ratio that is not a positive number or that the spec refuses; so
     *                           that this can be called before anything is written
     */
    public static List<DatasetSpec> specs(DatasetSpec base, List<Double> ratios) {
        List<Double> wanted = ratios != null ? ratios : List.of(base.requestedRatio());
        for (double ratio : wanted) {
            BadInputException.require(ratio > 0 && Double.isFinite(ratio), "--ratios", "positive numbers", ratio);
        }
        return wanted.stream().map(ratio -> base.with(Map.of("ratio", ratio))).toList();
    }

    /**
     * Generates the dataset of {@code spec} into {@code folder}, unless the folder already holds the
     * complete dataset of that spec (its manifest's {@code spec_sha256}).
     *
     * @param err progress lines
     */
    public static void ensureGenerated(DatasetSpec spec, Path folder, int threads, PrintWriter err) {
        if (!isComplete(folder, Manifest.specSha256(spec))) {
            err.println("generating " + spec.kind().specName() + " dataset r=" + spec.requestedRatio() + " into "
                    + folder);
            err.flush();
            if (spec instanceof ImageSpec image) {
                new ImageDatasetWriter(image, threads, (split, done, total) -> { }).write(folder, false);
            } else {
                TabularGenerator.generate((TabularSpec) spec, folder, false, threads, (split, done, total) -> { });
            }
        }
    }

    private static boolean isComplete(Path folder, String specSha256) {
        Path manifest = folder.resolve(DatasetFolder.MANIFEST);
        if (!Files.isRegularFile(manifest) || Files.exists(folder.resolve(DatasetFolder.IN_PROGRESS))) {
            return false;
        }
        try {
            return specSha256.equals(DatasetManifest.read(manifest).specSha256());
        } catch (BadInputException e) {
            return false;
        }
    }
}

package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.generator.image.ImageDatasetWriter;
import org.batchscope.generator.image.ImageSpec;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.output.Manifest;
import org.batchscope.generator.tabular.TabularGenerator;
import org.batchscope.generator.tabular.TabularSpec;

/**
 * The datasets of a noise sweep from one generator spec: for each ratio r the spec with only
 * {@code ratio} replaced (same seed, same everything else) is generated into
 * {@code <out>/datasets/r=<r>/}. A folder that already holds the complete dataset of that spec (its
 * manifest carries the same {@code spec_sha256}) is reused. The spec's kind is its {@code kind} field
 * ({@code images} or {@code tabular}), or else told by its keys: keys only the image spec has
 * ({@value #IMAGE_KEYS_TEXT}) or only the tabular spec has ({@value #TABULAR_KEYS_TEXT}).
 */
public final class SpecVariants {

    static final String IMAGE_KEYS_TEXT = "size, classes, backgrounds, counterfactuals, val_rho, test_rho, ...";
    static final String TABULAR_KEYS_TEXT = "n_classes, n_informative, noise_blocks, class_sep, ...";
    private static final Set<String> IMAGE_KEYS = Set.of("size", "classes", "class_balance", "backgrounds",
            "counterfactuals", "val_rho", "test_rho", "label_noise", "gaussian_noise", "salt_pepper");
    private static final Set<String> TABULAR_KEYS = Set.of("n_classes", "n_clusters_per_class", "n_informative",
            "n_redundant", "n_repeated", "class_sep", "weights", "flip_y", "noise_blocks", "rho_eval",
            "shortcut_block", "n_noise", "noise_std", "rotate", "anonymous", "formats");

    /** The sub-folder of the results folder that holds the generated variants. */
    public static final String DATASETS = "datasets";

    private SpecVariants() {
    }

    /** A generated variant: its folder and its requested ratio. */
    public record Variant(Path folder, double ratio) {
    }

    /**
     * Generates (or reuses) one dataset per ratio.
     *
     * @param ratios the ratios, or null for the spec's own
     * @param err progress lines
     */
    public static List<Variant> generate(Path specFile, List<Double> ratios, Path out, int threads, PrintWriter err) {
        ObjectNode tree = readTree(specFile);
        String kind = kind(tree, specFile);
        tree.remove("kind");
        Map<String, Object> fields = Json.mapper().convertValue(tree,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        List<Double> wanted = ratios != null ? ratios
                : List.of(Json.mapper().valueToTree(build(kind, fields)).path("ratio").asDouble());
        List<Variant> variants = new ArrayList<>();
        for (double ratio : wanted) {
            BadInputException.require(ratio > 0 && Double.isFinite(ratio), "--ratios", "positive numbers", ratio);
            Path folder = out.resolve(DATASETS).resolve("r=" + BigDecimal.valueOf(ratio).stripTrailingZeros().toPlainString());
            fields.put("ratio", ratio);
            ensureGenerated(kind, fields, folder, threads, err);
            variants.add(new Variant(folder, ratio));
        }
        return variants;
    }

    /**
     * Generates the dataset of {@code kind} ({@code images} or {@code tabular}) whose spec is the defaults
     * with {@code fields} replaced into {@code folder}, unless the folder already holds the complete
     * dataset of that spec.
     *
     * @param err progress lines
     */
    public static void ensureGenerated(String kind, Map<String, Object> fields, Path folder, int threads,
            PrintWriter err) {
        Object spec = build(kind, fields);
        if (!isComplete(folder, Manifest.specSha256(spec))) {
            err.println("generating " + kind + " dataset r=" + fields.get("ratio") + " into " + folder);
            err.flush();
            if (spec instanceof ImageSpec image) {
                new ImageDatasetWriter(image, threads, (split, done, total) -> { }).write(folder, false);
            } else {
                TabularGenerator.generate((TabularSpec) spec, folder, false, threads, (split, done, total) -> { });
            }
        }
    }

    private static Object build(String kind, Map<String, Object> fields) {
        return kind.equals("images") ? ImageSpec.defaults().with(fields) : TabularSpec.defaults().with(fields);
    }

    private static ObjectNode readTree(Path specFile) {
        JsonNode node = Json.readSpec(specFile, JsonNode.class);
        if (!(node instanceof ObjectNode object)) {
            throw new BadInputException(specFile + ": a spec must be a mapping of keys to values");
        }
        return object;
    }

    static String kind(ObjectNode tree, Path specFile) {
        if (tree.has("kind")) {
            String kind = tree.get("kind").asText();
            BadInputException.require(kind.equals("images") || kind.equals("tabular"), specFile + ": kind",
                    "images or tabular", kind);
            return kind;
        }
        boolean image = false;
        boolean tabular = false;
        for (var it = tree.fieldNames(); it.hasNext();) {
            String key = it.next();
            image |= IMAGE_KEYS.contains(key);
            tabular |= TABULAR_KEYS.contains(key);
        }
        if (image == tabular) {
            throw new BadInputException(specFile + ": cannot tell an image spec from a tabular one; add"
                    + " 'kind: images' or 'kind: tabular'");
        }
        return image ? "images" : "tabular";
    }

    private static boolean isComplete(Path folder, String specSha256) {
        Path manifest = folder.resolve(DatasetFolder.MANIFEST);
        if (!Files.isRegularFile(manifest) || Files.exists(folder.resolve(DatasetFolder.IN_PROGRESS))) {
            return false;
        }
        try {
            return specSha256.equals(Json.mapper().readTree(manifest.toFile()).path("spec_sha256").asText());
        } catch (IOException e) {
            return false;
        }
    }
}

package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.batchscope.analyzer.data.DatasetLoader;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;
import org.batchscope.generator.image.ImageDatasetWriter;
import org.batchscope.generator.spec.ImageSpec;
import org.batchscope.generator.tabular.TabularGenerator;
import org.batchscope.generator.spec.TabularSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shortcut reliance on models whose behaviour is known: rules that read only the shortcut (the
 * background family, the shortcut block) or only the feature (the eye colour, the informative columns),
 * on datasets generated with rho = 1 in training and the default rho = 0 in test. The expected values
 * follow from the rules alone (a background-only rule is right exactly when the background is tied to
 * the image's class), or are counted here from the generator's metadata.csv with this test's own code.
 */
class ShortcutRelianceTest {

    /** Class order of the spec: blue is tied to park, amber to stripes; checkerboard to no class. */
    private static final Map<String, String> CLASS_OF_FAMILY = Map.of("park", "blue", "stripes", "amber");

    @TempDir
    Path dir;

    @Test
    void aRuleThatReadsOnlyTheBackgroundIsCaughtByTheGroups() throws IOException {
        LoadedDataset data = images(1.0);
        Map<String, String[]> truth = pixelTruth();
        TrainedModel backgroundRule = rule(sample -> {
            String family = truth.get(key(sample))[0];
            return data.classNames().indexOf(CLASS_OF_FAMILY.getOrDefault(family, "blue"));
        });
        Map<String, Double> m = ShortcutReliance.measure(backgroundRule, data);
        assertThat(m.get(ShortcutReliance.ALIGNED_ACCURACY)).isEqualTo(1.0);
        assertThat(m.get(ShortcutReliance.CONFLICTING_ACCURACY)).isEqualTo(0.0);
        assertThat(m.get(ShortcutReliance.SHORTCUT_GAP)).isEqualTo(1.0);
        assertThat(m.get(ShortcutReliance.WORST_GROUP_ACCURACY)).isEqualTo(0.0);
        assertThat(m.get(ShortcutReliance.SHORTCUT_AGREEMENT)).isEqualTo(1.0);
    }

    @Test
    void aRuleThatReadsOnlyTheEyesHasNoGap() throws IOException {
        LoadedDataset data = images(1.0);
        Map<String, String[]> truth = pixelTruth();
        TrainedModel eyeRule = rule(sample -> {
            String eyes = truth.get(key(sample))[1];
            return eyes.isEmpty() ? 0 : data.classNames().indexOf(eyes);
        });
        Map<String, Double> m = ShortcutReliance.measure(eyeRule, data);
        assertThat(m.get(ShortcutReliance.ALIGNED_ACCURACY)).isEqualTo(1.0);
        assertThat(m.get(ShortcutReliance.CONFLICTING_ACCURACY)).isEqualTo(1.0);
        assertThat(m.get(ShortcutReliance.SHORTCUT_GAP)).isEqualTo(0.0);
        assertThat(m.get(ShortcutReliance.WORST_GROUP_ACCURACY)).isEqualTo(1.0);
        assertThat(m.get(ShortcutReliance.FEATURE_RELIANCE)).isEqualTo(1.0);
        // on backgrounds alone it always says class 0: agreement = share of tied backgrounds tied to class 0
        int tied = 0;
        int tiedToClass0 = 0;
        for (String[] row : rows(dir.resolve("images/test-only-background/metadata.csv"))) {
            String tiedClass = CLASS_OF_FAMILY.get(row[6]);
            if (tiedClass != null) {
                tied++;
                tiedToClass0 += data.classNames().indexOf(tiedClass) == 0 ? 1 : 0;
            }
        }
        assertThat(tied).isGreaterThan(10);
        assertThat(m.get(ShortcutReliance.SHORTCUT_AGREEMENT)).isEqualTo((double) tiedToClass0 / tied);
    }

    @Test
    void withRhoZeroThereIsNoShortcutToMeasure() throws IOException {
        LoadedDataset data = images(0.0);
        assertThat(data.shortcut().trainRho()).isEqualTo(0.0);
        Map<String, String[]> truth = pixelTruth();
        Map<String, Double> m = ShortcutReliance.measure(rule(sample -> truth.get(key(sample))[0].equals("park") ? 1 : 0), data);
        assertThat(m).containsKeys(ShortcutReliance.BG_GAP, ShortcutReliance.BG_ONLY_ACCURACY)
                .doesNotContainKeys(ShortcutReliance.ALIGNED_ACCURACY, ShortcutReliance.SHORTCUT_AGREEMENT);
    }

    @Test
    void groupsCountEachClassAndShortcutPairAndSkipUntiedSamples() {
        Map<String, Double> m = new TreeMap<>();
        // (label, shortcut class, predicted): group (0,0) 2 of 2 right, (1,1) 1 of 2, (0,1) 1 of 1, (1,0) 0 of 1
        int[] labels = {0, 0, 1, 1, 0, 1, 0};
        int[] shortcut = {0, 0, 1, 1, 1, 0, -1};
        int[] predicted = {0, 0, 1, 0, 0, 0, 1};
        ShortcutReliance.putGroups(m, predicted, labels, shortcut);
        assertThat(m.get(ShortcutReliance.ALIGNED_ACCURACY)).isEqualTo(3.0 / 4);
        assertThat(m.get(ShortcutReliance.CONFLICTING_ACCURACY)).isEqualTo(1.0 / 2);
        assertThat(m.get(ShortcutReliance.SHORTCUT_GAP)).isEqualTo(0.25);
        assertThat(m.get(ShortcutReliance.WORST_GROUP_ACCURACY)).isEqualTo(0.0);
        ShortcutReliance.putAgreement(m, predicted, shortcut);
        assertThat(m.get(ShortcutReliance.SHORTCUT_AGREEMENT)).isEqualTo(4.0 / 6);
    }

    @Test
    void tablesARuleThatReadsOnlyTheShortcutBlockIsCaught() {
        LoadedDataset data = table();
        boolean[] block = roles(data, role -> role.equals("noise:factor:0"));
        assertThat(block).contains(true);
        Map<String, Double> m = ShortcutReliance.measure(NearestCentroid.fit(data.train(), block), data);
        // rho = 1: every training row's block is a function of its label, so the rule names the donor's class
        assertThat(m.get(ShortcutReliance.ALIGNED_ACCURACY)).isEqualTo(1.0);
        assertThat(m.get(ShortcutReliance.CONFLICTING_ACCURACY)).isEqualTo(0.0);
        assertThat(m.get(ShortcutReliance.WORST_GROUP_ACCURACY)).isEqualTo(0.0);
        assertThat(m.get(ShortcutReliance.SHORTCUT_AGREEMENT)).isEqualTo(1.0);
        // the permutation drops cannot see it: the test split's block carries no label (rho_eval = 0)
        assertThat(m.get(ShortcutReliance.NOISE_PERMUTATION_DROP)).isBetween(-0.15, 0.15);
    }

    @Test
    void tablesARuleThatReadsOnlyTheInformativeColumnsHasNoGap() {
        LoadedDataset data = table();
        boolean[] informative = roles(data, role -> role.equals("informative"));
        NearestCentroid rule = NearestCentroid.fit(data.train(), informative);
        Map<String, Double> m = ShortcutReliance.measure(rule, data);
        // aligned and conflicting rows differ only in the block, which this rule ignores
        double testAccuracy = rule.accuracy(data.test());
        assertThat(testAccuracy).isGreaterThan(0.7);
        assertThat(m.get(ShortcutReliance.ALIGNED_ACCURACY)).isEqualTo(testAccuracy);
        assertThat(m.get(ShortcutReliance.CONFLICTING_ACCURACY)).isEqualTo(testAccuracy);
        assertThat(m.get(ShortcutReliance.SHORTCUT_GAP)).isEqualTo(0.0);
        // informative columns permuted: predictions unrelated to the rows, so agreement ~ 1/2; with 400
        // rows its standard deviation is 0.025, and [0.38, 0.62] is missed with probability about 2e-6
        assertThat(m.get(ShortcutReliance.SHORTCUT_AGREEMENT)).isBetween(0.38, 0.62);
    }

    private LoadedDataset images(double rho) {
        ImageSpec spec = ImageSpec.defaults().with(Map.of("classes", List.of("blue", "amber"), "rho", rho,
                "backgrounds", List.of("park", "stripes", "checkerboard"), "size", 16, "train", 20, "val", 10,
                "test", 60, "seed", 5, "ratio", 1.0));
        new ImageDatasetWriter(spec, 1, (s, d, t) -> { }).write(dir.resolve("images"), false);
        return DatasetLoader.load(dir.resolve("images"), LoadOptions.defaults());
    }

    private LoadedDataset table() {
        TabularSpec spec = TabularSpec.defaults().with(Map.of("rho", 1.0, "train", 600, "val", 100, "test", 400,
                "seed", 3, "ratio", 1.0));
        TabularGenerator.generate(spec, dir.resolve("table"), false, 1, (s, d, t) -> { });
        return DatasetLoader.load(dir.resolve("table"), LoadOptions.defaults());
    }

    private static boolean[] roles(LoadedDataset data, java.util.function.Predicate<String> keep) {
        boolean[] out = new boolean[data.columnRoles().size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = keep.test(data.columnRoles().get(c));
        }
        return out;
    }

    /**
     * @return per image of the test split and its counterfactuals, keyed by its pixels: {background
     *         family, class the eyes show ("" without a dog)}, from metadata.csv and the PNG files
     */
    private Map<String, String[]> pixelTruth() throws IOException {
        Map<String, String[]> out = new HashMap<>();
        Path root = dir.resolve("images");
        for (String split : List.of("test", "test-swap-feature", "test-swap-background", "test-only-background",
                "test-only-foreground")) {
            for (String[] row : rows(root.resolve(split).resolve("metadata.csv"))) {
                boolean original = split.equals("test");
                String family = original ? row[5] : row[6];
                String eyes = split.equals("test-only-background") ? "" : original ? row[3] : row[2];
                out.put(key(root.resolve(row[1])), new String[] {family, eyes});
            }
        }
        return out;
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    }

    /** @return the image's 8-bit RGB values, as text */
    private static String key(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int[] v = new int[3 * image.getWidth() * image.getHeight()];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                v[i++] = (rgb >> 16) & 0xFF;
                v[i++] = (rgb >> 8) & 0xFF;
                v[i++] = rgb & 0xFF;
            }
        }
        return Arrays.toString(v);
    }

    /** @return a loaded CHW sample in [0, 1] back as the 8-bit RGB values of {@link #key(Path)} */
    private static String key(float[] chw) {
        int pixels = chw.length / 3;
        int[] v = new int[chw.length];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < 3; c++) {
                v[3 * p + c] = Math.round(chw[c * pixels + p] * 255);
            }
        }
        return Arrays.toString(v);
    }

    /** @return a model that predicts {@code decide} of each sample */
    private static TrainedModel rule(Function<float[], Integer> decide) {
        return new TrainedModel() {
            @Override
            public int[] predict(TensorData data) {
                int d = data.sampleSize();
                int[] out = new int[data.count()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = decide.apply(Arrays.copyOfRange(data.features(), i * d, (i + 1) * d));
                }
                return out;
            }

            @Override
            public double meanLoss(TensorData data) {
                throw new UnsupportedOperationException();
            }

            @Override
            public float[] parameters() {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Nearest class mean (squared Euclidean distance) over a subset of the columns. */
    private record NearestCentroid(double[][] means, boolean[] columns) implements TrainedModel {

        static NearestCentroid fit(TensorData train, boolean[] columns) {
            int d = train.sampleSize();
            double[][] means = new double[train.classes()][d];
            int[] counts = new int[train.classes()];
            for (int i = 0; i < train.count(); i++) {
                counts[train.labels()[i]]++;
                for (int c = 0; c < d; c++) {
                    means[train.labels()[i]][c] += train.features()[i * d + c];
                }
            }
            for (int k = 0; k < means.length; k++) {
                for (int c = 0; c < d; c++) {
                    means[k][c] /= counts[k];
                }
            }
            return new NearestCentroid(means, columns);
        }

        @Override
        public int[] predict(TensorData data) {
            int d = data.sampleSize();
            int[] out = new int[data.count()];
            for (int i = 0; i < out.length; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int k = 0; k < means.length; k++) {
                    double dist = 0;
                    for (int c = 0; c < d; c++) {
                        if (columns[c]) {
                            double diff = data.features()[i * d + c] - means[k][c];
                            dist += diff * diff;
                        }
                    }
                    if (dist < best) {
                        best = dist;
                        out[i] = k;
                    }
                }
            }
            return out;
        }

        @Override
        public double meanLoss(TensorData data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float[] parameters() {
            throw new UnsupportedOperationException();
        }
    }
}

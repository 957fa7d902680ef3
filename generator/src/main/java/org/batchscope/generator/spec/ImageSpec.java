package org.batchscope.generator.spec;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.generator.image.EyeColour;
import org.batchscope.generator.image.Split;
import org.batchscope.generator.image.background.BackgroundFamily;

/**
 * Everything that determines an image dataset ({@code kind: images}). Spec files and manifests use the
 * snake_case names below (kebab-case, as on the command line, is accepted too); a missing key takes its
 * default. Read spec files with {@link DatasetSpec#read}, which checks {@code kind}. Validated on
 * construction: a bad value throws a {@link BadInputException} naming the field and the allowed range.
 *
 * @param ratio          requested noise-to-feature ratio r, in (0, 1000]; default 1 (see {@link org.batchscope.generator.image.RatioCalibrator})
 * @param rho            correlation of background family with class in the train split, [0, 1]; default 0
 * @param valRho         the same for the val split ({@code val_rho}); default 0
 * @param testRho        the same for the test split ({@code test_rho}); default 0
 * @param size           image side in pixels, [16, 512]; default 64
 * @param train          train images, [0, 100000000]; default 1000
 * @param val            val images; default 200
 * @param test           test images; default 200
 * @param seed           master seed; default 0
 * @param classes        eye colours, one class each, at least 2 distinct; default {@code [blue, amber]}
 * @param classBalance   relative class weights ({@code class_balance}), one positive number per class; default all 1
 * @param backgrounds    background families to draw from; default all five
 * @param labelNoise     probability that a train label is flipped to another class ({@code label_noise}), [0, 1]; default 0
 * @param gaussianNoise  standard deviation of per-pixel Gaussian noise in intensity units ({@code gaussian_noise}), [0, 100]; default 0
 * @param saltPepper     probability that a pixel turns black or white ({@code salt_pepper}), [0, 0.5]; default 0
 * @param counterfactuals whether to write the counterfactual test sets and masks; default true
 */
public record ImageSpec(
        @JsonProperty("ratio") double ratio,
        @JsonProperty("rho") double rho,
        @JsonProperty("val_rho") double valRho,
        @JsonProperty("test_rho") double testRho,
        @JsonProperty("size") int size,
        @JsonProperty("train") long train,
        @JsonProperty("val") long val,
        @JsonProperty("test") long test,
        @JsonProperty("seed") long seed,
        @JsonProperty("classes") List<String> classes,
        @JsonProperty("class_balance") List<Double> classBalance,
        @JsonProperty("backgrounds") List<String> backgrounds,
        @JsonProperty("label_noise") double labelNoise,
        @JsonProperty("gaussian_noise") double gaussianNoise,
        @JsonProperty("salt_pepper") double saltPepper,
        @JsonProperty("counterfactuals") boolean counterfactuals) implements DatasetSpec {

    /** Largest number of images per split. */
    public static final long MAX_COUNT = 100_000_000L;
    /** Most classes: the number of eye colours. */
    public static final int MAX_CLASSES = EyeColour.values().length;

    public ImageSpec {
        BadInputException.require(ratio > 0 && ratio <= 1000, "ratio", "a number in (0, 1000]", ratio);
        requireProbability(rho, "rho");
        requireProbability(valRho, "val_rho");
        requireProbability(testRho, "test_rho");
        BadInputException.require(size >= 16 && size <= 512, "size", "an integer in [16, 512]", size);
        requireCount(train, "train");
        requireCount(val, "val");
        requireCount(test, "test");
        BadInputException.require(train + val + test > 0, "train + val + test", "at least 1", train + val + test);
        classes = normalise(classes, "classes");
        BadInputException.require(classes.size() >= 2 && classes.size() <= MAX_CLASSES, "classes",
                "a list of 2 to " + MAX_CLASSES + " eye colours", classes);
        for (String name : classes) {
            BadInputException.require(EyeColour.byName(name) != null, "classes",
                    "eye colours from " + EyeColour.allowedNames(), name);
        }
        if (classBalance == null) {
            classBalance = Collections.nCopies(classes.size(), 1.0);
        }
        BadInputException.require(classBalance.size() == classes.size(), "class_balance",
                "one weight per class (" + classes.size() + ")", classBalance);
        for (Double weight : classBalance) {
            BadInputException.require(weight != null && weight > 0 && Double.isFinite(weight), "class_balance",
                    "a list of positive numbers", classBalance);
        }
        classBalance = List.copyOf(classBalance);
        backgrounds = normalise(backgrounds, "backgrounds");
        BadInputException.require(!backgrounds.isEmpty(), "backgrounds",
                "a list of families from " + BackgroundFamily.allowedNames(), backgrounds);
        for (String name : backgrounds) {
            BadInputException.require(BackgroundFamily.byName(name) != null, "backgrounds",
                    "families from " + BackgroundFamily.allowedNames(), name);
        }
        if (Math.max(rho, Math.max(valRho, testRho)) > 0) {
            BadInputException.require(backgrounds.size() >= classes.size(), "backgrounds",
                    "at least one family per class (" + classes.size() + ") when rho > 0", backgrounds);
        }
        if (counterfactuals && test > 0) {
            BadInputException.require(backgrounds.size() >= 2, "backgrounds",
                    "at least 2 families for the swap-background test set (or counterfactuals: false)", backgrounds);
        }
        requireProbability(labelNoise, "label_noise");
        BadInputException.require(gaussianNoise >= 0 && gaussianNoise <= 100, "gaussian_noise",
                "a number in [0, 100]", gaussianNoise);
        BadInputException.require(saltPepper >= 0 && saltPepper <= 0.5, "salt_pepper", "a number in [0, 0.5]",
                saltPepper);
    }

    /**
     * The Jackson entry point: every key optional, defaults filled in.
     */
    @JsonCreator
    static ImageSpec fromJson(
            @JsonProperty("ratio") Double ratio,
            @JsonProperty("rho") Double rho,
            @JsonProperty("val_rho") @JsonAlias("val-rho") Double valRho,
            @JsonProperty("test_rho") @JsonAlias("test-rho") Double testRho,
            @JsonProperty("size") Integer size,
            @JsonProperty("train") Long train,
            @JsonProperty("val") Long val,
            @JsonProperty("test") Long test,
            @JsonProperty("seed") Long seed,
            @JsonProperty("classes") List<String> classes,
            @JsonProperty("class_balance") @JsonAlias("class-balance") List<Double> classBalance,
            @JsonProperty("backgrounds") List<String> backgrounds,
            @JsonProperty("label_noise") @JsonAlias("label-noise") Double labelNoise,
            @JsonProperty("gaussian_noise") @JsonAlias("gaussian-noise") Double gaussianNoise,
            @JsonProperty("salt_pepper") @JsonAlias("salt-pepper") Double saltPepper,
            @JsonProperty("counterfactuals") Boolean counterfactuals) {
        return new ImageSpec(or(ratio, 1.0), or(rho, 0.0), or(valRho, 0.0), or(testRho, 0.0), or(size, 64),
                or(train, 1000L), or(val, 200L), or(test, 200L), or(seed, 0L),
                classes == null ? List.of(EyeColour.BLUE.cliName(), EyeColour.AMBER.cliName()) : classes,
                classBalance,
                backgrounds == null ? allBackgrounds() : backgrounds,
                or(labelNoise, 0.0), or(gaussianNoise, 0.0), or(saltPepper, 0.0), or(counterfactuals, true));
    }

    /** @return the spec with every field at its default */
    public static ImageSpec defaults() {
        return fromJson(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /**
     * @param overrides spec keys (snake_case) to new values, for example from command-line options; a
     *                  null value resets the field to its default. New {@code classes} without a
     *                  {@code class_balance} reset the balance to uniform, one weight per new class.
     * @return this spec with the given fields replaced, validated again
     * @throws BadInputException for an unknown key or a bad value
     */
    public ImageSpec with(Map<String, ?> overrides) {
        ObjectNode tree = Json.mapper().valueToTree(this);
        overrides.forEach((key, value) -> tree.set(key, Json.mapper().valueToTree(value)));
        if (overrides.containsKey("classes") && !overrides.containsKey("class_balance")
                && !sameClasses(overrides.get("classes"))) {
            tree.putNull("class_balance");
        }
        try {
            return Json.mapper().treeToValue(tree, ImageSpec.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException("bad spec value: " + e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException("bad spec value: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Kind kind() {
        return Kind.IMAGES;
    }

    @Override
    public double requestedRatio() {
        return ratio;
    }

    /** @return the classes' eye colours, in class order */
    public List<EyeColour> eyeColours() {
        return classes.stream().map(EyeColour::byName).toList();
    }

    /** @return the background families, in the order given */
    public List<BackgroundFamily> families() {
        return backgrounds.stream().map(BackgroundFamily::byName).toList();
    }

    @Override
    public long trainCount() {
        return train;
    }

    @Override
    public long valCount() {
        return val;
    }

    /** @return the images of split {@code split} */
    public long count(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VAL -> val;
            case TEST -> test;
        };
    }

    /** @return the background-class correlation of split {@code split} */
    public double rho(Split split) {
        return switch (split) {
            case TRAIN -> rho;
            case VAL -> valRho;
            case TEST -> testRho;
        };
    }

    /** @return the label flip probability of split {@code split}: {@link #labelNoise} for train, 0 otherwise */
    public double labelNoise(Split split) {
        return split == Split.TRAIN ? labelNoise : 0.0;
    }

    /** @return whether {@code value} names this spec's classes (in order, up to case and white space) */
    private boolean sameClasses(Object value) {
        if (!(value instanceof List<?> names) || names.size() != classes.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!(names.get(i) instanceof String name) || !name.strip().toLowerCase(Locale.ROOT).equals(classes.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> allBackgrounds() {
        List<String> names = new ArrayList<>();
        for (BackgroundFamily family : BackgroundFamily.values()) {
            names.add(family.cliName());
        }
        return names;
    }

    private static List<String> normalise(List<String> names, String field) {
        BadInputException.require(names != null, field, "a list", "nothing");
        List<String> out = new ArrayList<>();
        for (String name : names) {
            BadInputException.require(name != null && !name.isBlank(), field, "a list of names", names);
            String lower = name.strip().toLowerCase(Locale.ROOT);
            BadInputException.require(!out.contains(lower), field, "a list without repeats", names);
            out.add(lower);
        }
        return List.copyOf(out);
    }

    private static void requireProbability(double value, String field) {
        BadInputException.require(value >= 0 && value <= 1, field, "a number in [0, 1]", value);
    }

    private static void requireCount(long value, String field) {
        BadInputException.require(value >= 0 && value <= MAX_COUNT, field, "an integer in [0, " + MAX_COUNT + "]",
                value);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}

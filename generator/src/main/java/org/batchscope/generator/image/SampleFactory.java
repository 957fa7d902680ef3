package org.batchscope.generator.image;

import org.batchscope.generator.spec.ImageSpec;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.RandomStreams;
import org.batchscope.generator.image.DogPainter.Region;
import org.batchscope.generator.image.background.BackgroundFamily;
import org.batchscope.generator.image.paint.Canvas;

/**
 * Draws sample {@code i} of a split from its own random streams and renders its variants and masks.
 * Each sample uses five streams {@code RandomStreams.stream(seed, split, i, part)}: labels (class,
 * flip, background family), dog, background (family painting and clutter), pixel noise, and swap (the
 * swap-background family and its painting). So a sample never depends on other samples, on the number
 * of samples or on threads, and every counterfactual reuses exactly the original's draws.
 *
 * <p>Class: drawn with probabilities proportional to {@code class_balance}. Label flip: with probability
 * {@code label_noise} (train only) the label becomes one of the other classes, uniformly. Background
 * family: with probability rho the family at position {@code class mod F} of {@code backgrounds}, else
 * uniform over the F families. Thread-safe.
 */
public final class SampleFactory {

    private static final long LABELS = 0;
    private static final long DOG = 1;
    private static final long BACKGROUND = 2;
    private static final long NOISE = 3;
    private static final long SWAP = 4;

    private final ImageSpec spec;
    private final List<EyeColour> colours;
    private final List<BackgroundFamily> families;
    private final double[] cumulativeBalance;
    private final int[] swapClass;
    private final float[] meanIris;
    private final double eyeFraction;
    private final int clutterDots;

    public SampleFactory(ImageSpec spec) {
        this.spec = spec;
        this.colours = spec.eyeColours();
        this.families = spec.families();
        int k = colours.size();
        this.cumulativeBalance = new double[k];
        double total = spec.classBalance().stream().mapToDouble(Double::doubleValue).sum();
        double running = 0;
        for (int i = 0; i < k; i++) {
            running += spec.classBalance().get(i) / total;
            cumulativeBalance[i] = running;
        }
        this.swapClass = new int[k];
        this.meanIris = new float[3];
        for (int i = 0; i < k; i++) {
            swapClass[i] = nearestOther(i);
            for (int c = 0; c < 3; c++) {
                meanIris[c] += colours.get(i).rgb()[c] / k;
            }
        }
        this.eyeFraction = RatioCalibrator.eyeRadiusFraction(spec.ratio());
        this.clutterDots = RatioCalibrator.clutterDots(spec.ratio(), spec.size());
    }

    public ImageSpec spec() {
        return spec;
    }

    /** @return the class names (eye colour names) in class order */
    public List<String> classNames() {
        return spec.classes();
    }

    /** @return the class drawn for sample {@code index} of {@code split}, without drawing the rest */
    public int label(Split split, long index) {
        return labels(split, index).label;
    }

    /** Draws and calibrates sample {@code index} of {@code split}. */
    public Sample draw(Split split, long index) {
        Labels labels = labels(split, index);
        int size = spec.size();
        Dog dog = Dog.draw(stream(split, index, DOG), size, eyeFraction);
        float[] background = paintBackground(labels.family, stream(split, index, BACKGROUND));
        Canvas dogLayer = new Canvas(size);
        byte[] regions = new byte[size * size];
        DogPainter.paint(dog, dogLayer, regions);
        NoiseField noise = NoiseField.draw(stream(split, index, NOISE), size, spec.gaussianNoise(), spec.saltPepper());
        Scene scene = new Scene(size, background, dogLayer.pixels(), regions, colours.get(labels.trueClass).rgb(),
                colours.get(swapClass[labels.trueClass]).rgb(), meanIris, noise);
        RatioCalibrator.Measured calibrated = RatioCalibrator.calibrateComposed(scene, spec.ratio());
        BackgroundFamily swapFamily = families.size() < 2 ? null
                : swapFamily(labels.family, stream(split, index, SWAP));
        return new Sample(split, index, labels.trueClass, labels.label, labels.flipped, swapClass[labels.trueClass],
                labels.family, swapFamily, dog, scene, calibrated.calibration(), calibrated.original());
    }

    /** @return the RGB bytes (row-major) of {@code variant} of {@code sample} */
    public byte[] render(Sample sample, Variant variant) {
        if (variant == Variant.ORIGINAL) {
            return sample.original().clone();
        }
        Scene scene = sample.scene();
        if (variant == Variant.SWAP_BACKGROUND) {
            UniformRandomProvider rng = stream(sample.split(), sample.index(), SWAP);
            BackgroundFamily swapFamily = swapFamily(sample.family(), rng);
            scene = scene.withBackground(paintBackground(swapFamily, rng));
        }
        byte[] out = new byte[3 * spec.size() * spec.size()];
        RatioCalibrator.Calibration calibration = sample.calibration();
        scene.compose(variant, calibration.contrast(), calibration.colourScale(), out);
        return out;
    }

    /** @return a gray mask, 255 inside: the eyes (iris and pupil) when {@code feature}, else the whole dog */
    public static byte[] mask(Sample sample, boolean feature) {
        byte[] regions = sample.scene().regions();
        byte threshold = feature ? Region.IRIS : Region.DOG;
        byte[] mask = new byte[regions.length];
        for (int p = 0; p < regions.length; p++) {
            mask[p] = regions[p] >= threshold ? (byte) 255 : 0;
        }
        return mask;
    }

    private record Labels(int trueClass, int label, boolean flipped, BackgroundFamily family) {
    }

    private Labels labels(Split split, long index) {
        UniformRandomProvider rng = stream(split, index, LABELS);
        int k = colours.size();
        double u = rng.nextDouble();
        int trueClass = 0;
        while (trueClass < k - 1 && u >= cumulativeBalance[trueClass]) {
            trueClass++;
        }
        boolean flipped = rng.nextDouble() < spec.labelNoise(split);
        int label = flipped ? (trueClass + 1 + rng.nextInt(k - 1)) % k : trueClass;
        int f = families.size();
        BackgroundFamily family = rng.nextDouble() < spec.rho(split) ? tiedFamily(families, trueClass)
                : families.get(rng.nextInt(f));
        return new Labels(trueClass, label, flipped, family);
    }

    /**
     * @return the background family tied to each class by rho, class name to family name in class order:
     *         the family at position {@code class mod F} of {@code backgrounds}
     */
    public static java.util.Map<String, String> backgroundOfClass(ImageSpec spec) {
        java.util.Map<String, String> tie = new java.util.LinkedHashMap<>();
        for (int k = 0; k < spec.classes().size(); k++) {
            tie.put(spec.classes().get(k), tiedFamily(spec.families(), k).cliName());
        }
        return tie;
    }

    private static BackgroundFamily tiedFamily(List<BackgroundFamily> families, int trueClass) {
        return families.get(trueClass % families.size());
    }

    /** The swap stream's first draw picks the other family; painting continues on the same stream. */
    private BackgroundFamily swapFamily(BackgroundFamily family, UniformRandomProvider swapStream) {
        int own = families.indexOf(family);
        int pick = swapStream.nextInt(families.size() - 1);
        return families.get(pick >= own ? pick + 1 : pick);
    }

    private float[] paintBackground(BackgroundFamily family, UniformRandomProvider rng) {
        Canvas canvas = new Canvas(spec.size());
        family.painter().paint(canvas, rng);
        Clutter.paint(canvas, clutterDots, colours, rng);
        return canvas.pixels();
    }

    private int nearestOther(int k) {
        float[] own = colours.get(k).rgb();
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < colours.size(); j++) {
            float[] other = colours.get(j).rgb();
            double d = 0;
            for (int c = 0; c < 3; c++) {
                d += (own[c] - other[c]) * (own[c] - other[c]);
            }
            if (j != k && d < bestDistance) {
                best = j;
                bestDistance = d;
            }
        }
        return best;
    }

    private UniformRandomProvider stream(Split split, long index, long part) {
        return RandomStreams.stream(spec.seed(), split.ordinal(), index, part);
    }
}

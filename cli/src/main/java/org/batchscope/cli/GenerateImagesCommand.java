package org.batchscope.cli;

import java.nio.file.Path;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.batchscope.common.BadInputException;
import org.batchscope.generator.SummaryStats;
import org.batchscope.generator.image.ImageDatasetWriter;
import org.batchscope.generator.spec.ImageSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope generate images}: the spec comes from {@code --spec} (or the defaults), then each
 * option given on the command line replaces the spec field of the same name.
 */
@Command(name = "images",
        mixinStandardHelpOptions = true,
        description = {
            "Generate eye-colour dogs on structured backgrounds, with the noise-to-feature ratio r as a dial.",
            "",
            "Writes <out>/<split>/<class>/<id>.png, metadata.csv per split, counterfactual test sets, masks, "
                    + "preview.png and manifest.json (last). Options override --spec values."})
public final class GenerateImagesCommand implements Callable<Integer> {


    @Mixin
    GenerateOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--val-rho", paramLabel = "P", description = "Background-class correlation of val. Default 0.")
    Double valRho;

    @Option(names = "--test-rho", paramLabel = "P", description = "Background-class correlation of test. Default 0.")
    Double testRho;

    @Option(names = "--size", paramLabel = "PX", description = "Image side in pixels, [16, 512]. Default 64.")
    Integer size;

    @Option(names = "--classes", split = ",", paramLabel = "COLOUR", description = "Eye colours, one class each (blue, amber, green, "
            + "brown, grey, violet, red). Default blue,amber.")
    List<String> classes;

    @Option(names = "--class-balance", split = ",", paramLabel = "W", description = "Relative class weights, one per class.")
    List<Double> classBalance;

    @Option(names = "--backgrounds", split = ",", paramLabel = "FAMILY", description = "Background families (park, stripes, "
            + "checkerboard, fractal, wallpaper). Default all.")
    List<String> backgrounds;

    @Option(names = "--label-noise", paramLabel = "P", description = "Probability that a train label flips to another class.")
    Double labelNoise;

    @Option(names = "--gaussian-noise", paramLabel = "STD", description = "Per-pixel Gaussian noise std in intensity units, [0, 100].")
    Double gaussianNoise;

    @Option(names = "--salt-pepper", paramLabel = "P", description = "Per-pixel salt-and-pepper probability, [0, 0.5].")
    Double saltPepper;

    @Option(names = "--counterfactuals", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write counterfactual test sets and masks (default: ${DEFAULT-VALUE}).")
    boolean counterfactuals;

    @Override
    public Integer call() {
        ImageSpec imageSpec = resolveSpec();
        int workers = options.threads.count();
        BadInputException.require(workers >= 1 && workers <= 1024, "--threads", "an integer in [1, 1024]", workers);
        Path out = options.checkedOut();
        var err = spec.commandLine().getErr();
        ImageDatasetWriter.Result result = GenerateImagesRun.run(imageSpec, out, options.overwrite, workers,
                options.runner(workers, err), err);
        SummaryStats.Summary r = result.achievedRatio().toSummary();
        var stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "wrote %s images of %dx%d to %s%n", describe(result.counts()), imageSpec.size(),
                imageSpec.size(), result.root());
        stdout.printf(Locale.ROOT, "achieved r: mean %.4g (requested %.4g), std %.3g, min %.4g, max %.4g%n",
                r.mean(), imageSpec.ratio(), r.std(), r.min(), r.max());
        stdout.println("preview: " + result.preview());
        stdout.println("manifest: " + result.manifest());
        return ExitCodes.OK;
    }

    private ImageSpec resolveSpec() {
        Map<String, Object> overrides = options.overrides();
        GenerateOptions.put(overrides, "val_rho", valRho);
        GenerateOptions.put(overrides, "test_rho", testRho);
        GenerateOptions.put(overrides, "size", size);
        GenerateOptions.put(overrides, "classes", classes);
        GenerateOptions.put(overrides, "class_balance", classBalance);
        GenerateOptions.put(overrides, "backgrounds", backgrounds);
        GenerateOptions.put(overrides, "label_noise", labelNoise);
        GenerateOptions.put(overrides, "gaussian_noise", gaussianNoise);
        GenerateOptions.put(overrides, "salt_pepper", saltPepper);
        if (spec.commandLine().getParseResult().hasMatchedOption("--counterfactuals")) {
            overrides.put("counterfactuals", counterfactuals);
        }
        return options.baseSpec(ImageSpec.class, ImageSpec::defaults, "generate images").with(overrides);
    }

    private static String describe(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((split, n) -> text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(split));
        return text.toString();
    }
}

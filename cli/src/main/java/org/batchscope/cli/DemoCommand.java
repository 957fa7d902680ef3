package org.batchscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.batchscope.generator.NoisePreset;
import org.batchscope.generator.image.ImageDatasetWriter;
import org.batchscope.generator.image.ImageSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope demo}: generates a small 64x64 image dataset at each of the three ratio presets
 * (300 train, 100 val, 100 test each, with counterfactuals) under {@code <out>/images-<preset>/} and
 * says where the contact sheets are.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the built-in demonstration: small image datasets at r = 0.3, 3 and 30.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "batchscope-demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--overwrite", description = "Clear dataset folders that hold something else.")
    boolean overwrite;

    @Override
    public Integer call() {
        var stdout = spec.commandLine().getOut();
        int threads = Runtime.getRuntime().availableProcessors();
        for (NoisePreset preset : NoisePreset.values()) {
            ImageSpec imageSpec = ImageSpec.defaults().with(Map.of("ratio", preset.ratio(), "train", 300, "val", 100,
                    "test", 100));
            Path folder = out.resolve("images-" + preset.cliName());
            ImageDatasetWriter.Result result = GenerateImagesRun.run(imageSpec, folder, overwrite, threads,
                    spec.commandLine().getErr());
            stdout.printf(Locale.ROOT, "%-19s r = %-4s achieved mean %.3g: %s%n", preset.cliName(), preset.ratio(),
                    result.achievedRatio().mean(), folder);
            stdout.println("  contact sheet: " + result.preview());
        }
        stdout.println("In each contact sheet the rows are classes (eye colour): at r = 0.3 the eyes carry the class,");
        stdout.println("at r = 30 the background drowns them. Train on <folder>/train with any ImageFolder reader.");
        return ExitCodes.OK;
    }
}

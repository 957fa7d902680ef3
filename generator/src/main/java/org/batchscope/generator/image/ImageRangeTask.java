package org.batchscope.generator.image;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchscope.common.Json;
import org.batchscope.generator.output.StagingArea;
import org.batchscope.generator.ranges.RangeTask;
import org.batchscope.generator.spec.ImageSpec;

/**
 * Draws the images [start, end) of one split and writes them (and, for test, their counterfactuals
 * and masks) into the dataset's staging area ({@link StagingArea#attach}); returns the metadata rows,
 * the achieved ratios and the written files' hashes, which the driver writes and combines in index
 * order. It carries the spec as JSON and the dataset root as a path string, so it runs on any machine
 * that sees that path; the sample factory is rebuilt there once per task object.
 */
final class ImageRangeTask implements RangeTask<ImageRangeTask.Result> {

    private static final long serialVersionUID = 1L;

    /** What one range made: one metadata chunk per variant, the ratio of each sample, the files' hashes. */
    record Result(List<String> rows, double[] achievedRatios, Map<String, String> hashes) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final byte[] specJson;
    private final String root;
    private final Split split;
    private final List<Variant> variants;
    private transient volatile SampleFactory factory;

    ImageRangeTask(ImageSpec spec, Path root, Split split, List<Variant> variants) {
        this.specJson = Json.toBytes(spec);
        this.root = root.toAbsolutePath().toString(); // the same on every host of a shared mount
        this.split = split;
        this.variants = List.copyOf(variants);
    }

    private SampleFactory factory() {
        SampleFactory made = factory;
        if (made == null) {
            try {
                made = new SampleFactory(Json.mapper().readValue(specJson, ImageSpec.class));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the image spec of a task", e);
            }
            factory = made;
        }
        return made;
    }

    @Override
    public Result apply(long start, long end) {
        SampleFactory factory = factory();
        StagingArea staging = StagingArea.attach(Path.of(root));
        List<StringBuilder> rows = new ArrayList<>();
        variants.forEach(v -> rows.add(new StringBuilder()));
        double[] ratios = new double[(int) (end - start)];
        List<String> classes = factory.classNames();
        int size = factory.spec().size();
        try (PngEncoder png = new PngEncoder()) {
            for (long i = start; i < end; i++) {
                Sample sample = factory.draw(split, i);
                ratios[(int) (i - start)] = sample.calibration().achievedRatio();
                for (int v = 0; v < variants.size(); v++) {
                    Variant variant = variants.get(v);
                    byte[] pixels = factory.render(sample, variant);
                    staging.write(MetadataCsv.path(sample, variant, classes), png.rgb(pixels, size, size));
                    rows.get(v).append(MetadataCsv.row(sample, variant, classes));
                }
                if (variants.size() > 1) {
                    for (boolean feature : new boolean[] {true, false}) {
                        String mask = ImageDatasetWriter.MASKS + (feature ? "/feature/" : "/foreground/") + sample.id()
                                + ".png";
                        staging.write(mask, png.gray(SampleFactory.mask(sample, feature), size, size));
                    }
                }
            }
        }
        return new Result(rows.stream().map(StringBuilder::toString).toList(), ratios, Map.copyOf(staging.hashes()));
    }
}

package org.batchscope.generator.image;

import org.batchscope.generator.spec.ImageSpec;

/**
 * On-the-fly generation: the original images of a split straight into memory, for a training loop
 * that wants fresh minibatches without files. Sample {@code i} is drawn and calibrated exactly as
 * {@link ImageDatasetWriter} draws it, so its pixels are the RGB values of {@code <split>/<class>/<id>.png}
 * of a dataset written from the same spec, and its label is the recorded (possibly flipped) class, the
 * folder it is filed under. No PNG encoding, no files, no metadata rows, no counterfactuals.
 * Thread-safe: concurrent {@link #fill} calls on disjoint index ranges give the same pixels as one call.
 */
public final class InMemoryImages {

    private final SampleFactory factory;
    private final int imageBytes;

    public InMemoryImages(ImageSpec spec) {
        this.factory = new SampleFactory(spec);
        this.imageBytes = 3 * spec.size() * spec.size();
    }

    /** @return bytes of one image: {@code 3 size^2}, row-major RGB triples (height, width, channel) */
    public int imageBytes() {
        return imageBytes;
    }

    /**
     * Draws samples {@code from} (inclusive) to {@code to} (exclusive) of {@code split}: sample i's pixels
     * go to {@code pixels[(i - from) imageBytes() ...]}, its label (class index in the spec's class
     * order) to {@code labels[i - from]}.
     */
    public void fill(Split split, long from, long to, byte[] pixels, int[] labels) {
        for (long i = from; i < to; i++) {
            int slot = Math.toIntExact(i - from);
            Sample sample = factory.draw(split, i);
            System.arraycopy(factory.render(sample, Variant.ORIGINAL), 0, pixels, slot * imageBytes, imageBytes);
            labels[slot] = sample.label();
        }
    }
}

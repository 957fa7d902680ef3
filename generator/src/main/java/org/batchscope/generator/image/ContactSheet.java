package org.batchscope.generator.image;

import org.batchscope.generator.spec.ImageSpec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The preview contact sheet: a title line, then one row of up to {@value #COLUMNS} samples per class
 * (the first samples of that class in train, else val, else test), then, when the test split has
 * counterfactuals, one row per counterfactual set showing the first test samples. Each image is drawn
 * {@value #CELL} pixels wide (nearest neighbour), labelled by its achieved r. Samples are drawn again
 * from their streams, not read from disk, so the sheet needs no images in memory beyond its own.
 */
final class ContactSheet {

    static final int COLUMNS = 8;
    static final int CELL = 96;
    private static final int GAP = 4;
    private static final int LABEL_WIDTH = 150;
    private static final int TITLE = 28;
    private static final int CAPTION = 14;
    /** Stop looking for a class's samples after this many indices. */
    private static final int SEARCH = 2000;

    private final SampleFactory factory;

    ContactSheet(SampleFactory factory) {
        this.factory = factory;
    }

    /** @return the sheet as PNG bytes */
    byte[] png() {
        List<String> rowLabels = new ArrayList<>();
        List<List<Sample>> rows = new ArrayList<>();
        List<Variant> rowVariants = new ArrayList<>();
        ImageSpec spec = factory.spec();
        Split source = spec.train() > 0 ? Split.TRAIN : spec.val() > 0 ? Split.VAL : Split.TEST;
        for (int k = 0; k < spec.classes().size(); k++) {
            rowLabels.add(source.folder() + ": " + spec.classes().get(k));
            rows.add(samplesOfClass(source, k));
            rowVariants.add(Variant.ORIGINAL);
        }
        if (spec.test() > 0 && spec.counterfactuals()) {
            List<Sample> firstTest = new ArrayList<>();
            for (long i = 0; i < Math.min(COLUMNS, spec.test()); i++) {
                firstTest.add(factory.draw(Split.TEST, i));
            }
            rowLabels.add("test: original");
            rows.add(firstTest);
            rowVariants.add(Variant.ORIGINAL);
            for (Variant variant : ImageDatasetWriter.COUNTERFACTUALS) {
                rowLabels.add("test: " + variant.cliName());
                rows.add(firstTest);
                rowVariants.add(variant);
            }
        }
        int rowHeight = CELL + CAPTION + GAP;
        int width = LABEL_WIDTH + COLUMNS * (CELL + GAP) + GAP;
        int height = TITLE + rows.size() * rowHeight + GAP;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(String.format(Locale.ROOT, "requested r = %s, rho = %s, %dx%d, seed %d, classes by eye colour: %s",
                spec.ratio(), spec.rho(), spec.size(), spec.size(), spec.seed(), String.join(" / ", spec.classes())),
                GAP, 19);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int row = 0; row < rows.size(); row++) {
            int y = TITLE + row * rowHeight;
            g.setColor(Color.BLACK);
            g.drawString(rowLabels.get(row), GAP, y + CELL / 2);
            List<Sample> samples = rows.get(row);
            for (int col = 0; col < samples.size(); col++) {
                Sample sample = samples.get(col);
                int x = LABEL_WIDTH + col * (CELL + GAP);
                g.drawImage(image(factory.render(sample, rowVariants.get(row))), x, y, CELL, CELL, null);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "r=%.3g %s", sample.calibration().achievedRatio(),
                        spec.classes().get(sample.folderClass(rowVariants.get(row)))), x, y + CELL + CAPTION - 3);
            }
        }
        g.dispose();
        byte[] bgr = ((java.awt.image.DataBufferByte) sheet.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        try (PngEncoder encoder = new PngEncoder()) {
            return encoder.rgb(rgb, width, height);
        }
    }

    private List<Sample> samplesOfClass(Split split, int k) {
        List<Sample> samples = new ArrayList<>();
        long limit = Math.min(factory.spec().count(split), SEARCH);
        for (long i = 0; i < limit && samples.size() < COLUMNS; i++) {
            if (factory.label(split, i) == k) {
                samples.add(factory.draw(split, i));
            }
        }
        return samples;
    }

    private BufferedImage image(byte[] rgb) {
        int size = factory.spec().size();
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[size * size];
        for (int p = 0; p < argb.length; p++) {
            argb[p] = (rgb[3 * p] & 0xFF) << 16 | (rgb[3 * p + 1] & 0xFF) << 8 | (rgb[3 * p + 2] & 0xFF);
        }
        image.setRGB(0, 0, size, size, argb, 0, size);
        return image;
    }
}

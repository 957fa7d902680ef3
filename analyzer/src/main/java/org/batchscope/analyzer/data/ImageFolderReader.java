package org.batchscope.analyzer.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.common.BadInputException;

/**
 * Reads an ImageFolder: {@code <root>/<class>/<image>} with PNG or JPEG images ({@code .png},
 * {@code .jpg}, {@code .jpeg}, any case), the layout of torchvision's ImageFolder. Class names are the
 * sub-folder names sorted ({@link ClassNames}); files are read in name order within a class, classes in
 * label order. Each image becomes 3 x H x W floats (CHW; red, green, blue) in [0, 1] (value / 255);
 * grey images are repeated over the three channels, alpha is dropped. With a size, every image is
 * resized to size x size with bilinear interpolation; without one, all images must share one size.
 */
public final class ImageFolderReader {

    /** The number of channels every image is read with. */
    public static final int CHANNELS = 3;

    private ImageFolderReader() {
    }

    /** @return the sorted names of the class sub-folders of {@code root} */
    public static List<String> classNames(Path root) {
        List<String> names = new ArrayList<>();
        for (Path dir : list(root)) {
            if (Files.isDirectory(dir) && !dir.getFileName().toString().startsWith(".")) {
                names.add(dir.getFileName().toString());
            }
        }
        if (names.isEmpty()) {
            throw new BadInputException(root + ": no class folders; an image folder holds <class>/<image>.png");
        }
        return ClassNames.of(names);
    }

    /**
     * @param root       the folder of class sub-folders
     * @param classNames the label order; every sub-folder of {@code root} must be one of them
     * @param size       the side to resize to, or null to keep the images' own (common) size
     * @throws BadInputException for an empty class folder, an unreadable image, mixed sizes without
     *                           a size, or a class folder not in {@code classNames}
     */
    public static TensorData read(Path root, List<String> classNames, Integer size) {
        List<Path> files = files(root, classNames);
        List<Integer> labels = files.stream().map(f -> classNames.indexOf(f.getParent().getFileName().toString())).toList();
        int height = -1;
        int width = -1;
        float[] features = null;
        int[] y = new int[files.size()];
        Path first = null;
        for (int k = 0; k < files.size(); k++) {
            Path file = files.get(k);
            BufferedImage image = decode(file);
            if (size != null) {
                image = resize(image, size);
            }
            if (first == null) {
                first = file;
                height = image.getHeight();
                width = image.getWidth();
                features = new float[Math.multiplyExact(files.size(), CHANNELS * height * width)];
            } else if (image.getHeight() != height || image.getWidth() != width) {
                throw new BadInputException(file + " is " + image.getWidth() + "x" + image.getHeight() + " but "
                        + first + " is " + width + "x" + height + "; pass --image-size to resize all images");
            }
            toChw(image, features, k * CHANNELS * height * width);
            y[k] = labels.get(k);
        }
        return new TensorData(features, y, new int[] {CHANNELS, height, width}, classNames.size());
    }

    /**
     * @return the image files under {@code root} in the order {@link #read} reads them: classes in label
     *         order, file names sorted within a class
     * @throws BadInputException as {@link #read}
     */
    public static List<Path> files(Path root, List<String> classNames) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String name : classNames(root)) {
            int label = classNames.indexOf(name);
            if (label < 0) {
                throw new BadInputException(root.resolve(name) + ": class '" + name
                        + "' is not among the training classes (" + String.join(", ", classNames) + ")");
            }
            List<Path> images = list(root.resolve(name)).stream().filter(ImageFolderReader::isImage).toList();
            if (images.isEmpty()) {
                throw new BadInputException(root.resolve(name) + ": empty class folder (no .png/.jpg/.jpeg files)");
            }
            for (Path image : images) {
                files.add(image);
                labels.add(label);
            }
        }
        return java.util.stream.IntStream.range(0, files.size()).boxed()
                .sorted(java.util.Comparator.comparingInt(labels::get)).map(files::get).toList();
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && !name.startsWith(".")
                && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    private static BufferedImage decode(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new BadInputException(file + ": not a readable PNG or JPEG image");
            }
            return image;
        } catch (IOException e) {
            throw new BadInputException(file + ": not a readable PNG or JPEG image (" + e.getMessage() + ")", e);
        }
    }

    /** @return {@code image} scaled to side x side, bilinear, as RGB */
    static BufferedImage resize(BufferedImage image, int side) {
        if (image.getWidth() == side && image.getHeight() == side) {
            return image;
        }
        BufferedImage scaled = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, side, side, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    /** Writes the image's red, green and blue planes (each value / 255) at {@code offset}. */
    static void toChw(BufferedImage image, float[] out, int offset) {
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int rgb = image.getRGB(c, r);
                int i = offset + r * w + c;
                out[i] = ((rgb >> 16) & 0xff) / 255f;
                out[i + plane] = ((rgb >> 8) & 0xff) / 255f;
                out[i + 2 * plane] = (rgb & 0xff) / 255f;
            }
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(dir + ": folder does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}

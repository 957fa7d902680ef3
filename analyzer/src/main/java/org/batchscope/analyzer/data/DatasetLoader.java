package org.batchscope.analyzer.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.common.BadInputException;
import org.batchscope.common.files.DatasetManifest;
import org.batchscope.common.Sha256;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.output.Manifest;
import org.batchscope.generator.output.ManifestCheck;

/**
 * Loads what {@code --data} points at into a {@link LoadedDataset}:
 * <ul>
 *   <li>a folder with {@code manifest.json}: a generated dataset, read through its manifest (kind
 *       {@code images}: ImageFolder splits {@code train}, {@code val}, {@code test} plus the
 *       counterfactual {@code test-*} splits; kind {@code tabular}: {@code <split>_X.npy} and
 *       {@code <split>_y.npy}, or {@code <split>.csv} when no NPY files were written), with its shortcut
 *       sets ({@link ImageShortcutSets}, {@link TableShortcutSets});</li>
 *   <li>another folder: an ImageFolder, either {@code <root>/<class>/<image>} or with split folders
 *       {@code <root>/train/<class>/<image>} (plus optional {@code val/}, {@code test/});</li>
 *   <li>a {@code .csv} file with a label column;</li>
 *   <li>a {@code .npy} file of features ({@code [n, d]} for a table, {@code [n, C, H, W]} or
 *       {@code [n, H, W]} for images) whose labels are in the file with the last {@code X} of its name
 *       replaced by {@code y} ({@code train_X.npy} -> {@code train_y.npy}).</li>
 * </ul>
 * For a file whose name contains {@code train}, sibling files with {@code val} and {@code test} in its
 * place are the validation and test splits. Without a validation split one is carved with
 * {@link Holdout}.
 */
public final class DatasetLoader {

    private static final String[] SPLITS = {"train", "val", "test"};
    private static final String COUNTERFACTUAL_PREFIX = "test-";

    private DatasetLoader() {
    }

    /** @return the dataset at {@code path}, a generated one verified against its manifest with checksums */
    public static LoadedDataset load(Path path, LoadOptions options) {
        return load(path, options, true);
    }

    /**
     * @param checksums whether a generated dataset's files are checked against the manifest's SHA-256s
     *                  (their presence and sizes always are; see {@link ManifestCheck})
     * @return the dataset at {@code path}
     */
    public static LoadedDataset load(Path path, LoadOptions options, boolean checksums) {
        if (!Files.exists(path)) {
            throw new BadInputException("--data: " + path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            boolean generated = Files.isRegularFile(path.resolve(DatasetFolder.MANIFEST))
                    || Files.exists(path.resolve(DatasetFolder.IN_PROGRESS));
            if (generated) {
                ManifestCheck.verify(path, checksums, "--data");
            }
            return generated ? loadGenerated(path, options) : loadImageFolder(path, options);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return loadCsv(path, options);
        }
        if (name.endsWith(".npy")) {
            return loadNpy(path);
        }
        throw new BadInputException("--data: " + path + " is neither a folder, a .csv file nor a .npy file");
    }

    private static LoadedDataset loadGenerated(Path root, LoadOptions options) {
        Path manifestFile = root.resolve(DatasetFolder.MANIFEST);
        DatasetManifest manifest = DatasetManifest.read(manifestFile);
        String kind = manifest.kind() == null ? "" : manifest.kind();
        String sha = manifest.contentSha256() == null ? "" : manifest.contentSha256();
        BadInputException.require(!sha.isEmpty(), manifestFile + ": content_sha256", "present", "nothing");
        Double ratio = manifest.ratio();
        Double achieved = manifest.achievedRatioMean();
        if (kind.equals(LoadedDataset.IMAGES)) {
            ImageSplits splits = ImageSplits.read(root, options.imageSize(), true);
            return new LoadedDataset(kind, root.toString(), sha, splits.classNames, splits.train, splits.validation,
                    splits.test, splits.extra, List.of(), ratio, achieved,
                    ImageShortcutSets.read(root, manifest, splits.test, splits.extra, splits.classNames));
        }
        if (kind.equals(LoadedDataset.TABULAR)) {
            boolean npy = Files.isRegularFile(root.resolve("train_X.npy"));
            Path train = root.resolve(npy ? "train_X.npy" : "train.csv");
            TableSplits splits = npy ? TableSplits.npy(train) : TableSplits.csv(train, LoadOptions.DEFAULT_LABEL_COLUMN);
            List<String> roles = ManifestRoles.columnRoles(manifest);
            LoadedDataset data = splits.toDataset(root.toString(), sha, roles, ratio, achieved);
            return withShortcut(data, TableShortcutSets.read(manifest, roles, splits.splits.get("train"), data.test()));
        }
        throw new BadInputException(manifestFile + ": kind must be images or tabular (got '" + kind + "')");
    }

    private static LoadedDataset withShortcut(LoadedDataset d, ShortcutSets shortcut) {
        return new LoadedDataset(d.kind(), d.source(), d.contentSha256(), d.classNames(), d.train(), d.validation(),
                d.test(), d.extraSets(), d.columnRoles(), d.ratio(), d.achievedRatio(), shortcut);
    }

    private static LoadedDataset loadImageFolder(Path root, LoadOptions options) {
        ImageSplits splits = ImageSplits.read(root, options.imageSize(), Files.isDirectory(root.resolve("train")));
        return new LoadedDataset(LoadedDataset.IMAGES, root.toString(), contentSha256(root, walk(root)),
                splits.classNames, splits.train, splits.validation, splits.test, splits.extra, List.of(), null, null);
    }

    private static LoadedDataset loadCsv(Path file, LoadOptions options) {
        TableSplits splits = TableSplits.csv(file, options.labelColumn());
        return splits.toDataset(file.toString(), contentSha256(file.toAbsolutePath().getParent(), splits.files),
                List.of(), null, null);
    }

    private static LoadedDataset loadNpy(Path file) {
        TableSplits splits = TableSplits.npy(file);
        return splits.toDataset(file.toString(), contentSha256(file.toAbsolutePath().getParent(), splits.files),
                List.of(), null, null);
    }

    /** @return SHA-256 over the {@code "<sha256>  <path>"} lines of {@code files}, paths relative to {@code root} */
    static String contentSha256(Path root, List<Path> files) {
        Map<String, String> hashes = new TreeMap<>();
        Path base = root.toAbsolutePath();
        for (Path f : files) {
            hashes.put(base.relativize(f.toAbsolutePath()).toString().replace('\\', '/'), Sha256.ofFile(f));
        }
        return Manifest.contentSha256(hashes);
    }

    private static List<Path> walk(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** @return the sibling of {@code file} with {@code train} in its name replaced by {@code split}, if it exists */
    static Path sibling(Path file, String split) {
        String name = file.getFileName().toString();
        int at = name.lastIndexOf("train");
        if (at < 0) {
            return null;
        }
        Path other = file.resolveSibling(name.substring(0, at) + split + name.substring(at + "train".length()));
        return Files.isRegularFile(other) ? other : null;
    }

    /** The splits of an image dataset. */
    private static final class ImageSplits {
        List<String> classNames;
        TensorData train;
        TensorData validation;
        TensorData test;
        final Map<String, TensorData> extra = new LinkedHashMap<>();

        static ImageSplits read(Path root, Integer size, boolean hasSplitFolders) {
            ImageSplits s = new ImageSplits();
            Path trainDir = hasSplitFolders ? root.resolve("train") : root;
            s.classNames = ImageFolderReader.classNames(trainDir);
            TensorData all = ImageFolderReader.read(trainDir, s.classNames, size);
            if (hasSplitFolders && Files.isDirectory(root.resolve("val"))) {
                s.train = all;
                s.validation = readSameShape(root.resolve("val"), s.classNames, size, all);
            } else {
                TensorData[] parts = Holdout.split(all, trainDir.toString());
                s.train = parts[0];
                s.validation = parts[1];
            }
            if (hasSplitFolders && Files.isDirectory(root.resolve("test"))) {
                s.test = readSameShape(root.resolve("test"), s.classNames, size, all);
            }
            if (hasSplitFolders) {
                for (Path dir : walkDirs(root)) {
                    String name = dir.getFileName().toString();
                    if (name.startsWith(COUNTERFACTUAL_PREFIX)) {
                        s.extra.put(name, readSameShape(dir, s.classNames, size, all));
                    }
                }
            }
            return s;
        }

        private static TensorData readSameShape(Path dir, List<String> classNames, Integer size, TensorData train) {
            TensorData data = ImageFolderReader.read(dir, classNames, size);
            if (!java.util.Arrays.equals(data.sampleShape(), train.sampleShape())) {
                throw new BadInputException(dir + ": images are " + shape(data) + " but the training images are "
                        + shape(train) + "; pass --image-size to resize all images");
            }
            return data;
        }

        private static String shape(TensorData d) {
            return d.sampleShape()[2] + "x" + d.sampleShape()[1];
        }

        private static List<Path> walkDirs(Path root) {
            try (Stream<Path> entries = Files.list(root)) {
                return entries.filter(Files::isDirectory).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
            }
        }
    }

    /** The splits of a table read from CSV or NPY files, before class names are settled. */
    private static final class TableSplits {
        final List<Path> files = new ArrayList<>();
        final Map<String, TensorData> splits = new LinkedHashMap<>();
        List<String> classNames;
        boolean images;

        static TableSplits csv(Path train, String labelColumn) {
            TableSplits s = new TableSplits();
            CsvTable trainTable = CsvTable.read(train, labelColumn);
            s.classNames = ClassNames.of(trainTable.labels());
            BadInputException.require(s.classNames.size() >= 2, train + ": column '" + labelColumn + "'",
                    "at least 2 distinct labels", s.classNames);
            for (String split : SPLITS) {
                Path file = split.equals("train") ? train : sibling(train, split);
                if (file == null) {
                    continue;
                }
                CsvTable table = split.equals("train") ? trainTable : CsvTable.read(file, labelColumn);
                if (!table.columns().equals(trainTable.columns())) {
                    throw new BadInputException(file + ": columns " + table.columns() + " differ from "
                            + train + "'s " + trainTable.columns());
                }
                int[] labels = ClassNames.encode(table.labels(), s.classNames, file.toString());
                s.files.add(file);
                s.splits.put(split, new TensorData(table.features(), labels, new int[] {table.columns().size()},
                        s.classNames.size()));
            }
            return s;
        }

        static TableSplits npy(Path trainX) {
            TableSplits s = new TableSplits();
            Map<String, NpyArray[]> arrays = new LinkedHashMap<>();
            int maxLabel = 0;
            for (String split : SPLITS) {
                Path x = split.equals("train") ? trainX : sibling(trainX, split);
                if (x == null) {
                    continue;
                }
                Path y = labelsFile(x);
                NpyArray xa = NpyReader.read(x);
                NpyArray ya = NpyReader.read(y);
                int[] shape = xa.shape();
                if (shape.length < 2 || shape.length > 4) {
                    throw new BadInputException(x + ": shape " + java.util.Arrays.toString(shape)
                            + " is not [n, d], [n, H, W] or [n, C, H, W]");
                }
                if (java.util.Arrays.stream(shape, 1, shape.length).anyMatch(d -> d == 0)) {
                    throw new BadInputException(x + ": shape " + java.util.Arrays.toString(shape)
                            + " has no features per sample (every dimension after the first must be at least 1)");
                }
                if (ya.shape().length != 1 || ya.shape()[0] != shape[0]) {
                    throw new BadInputException(y + ": shape " + java.util.Arrays.toString(ya.shape())
                            + " must be [" + shape[0] + "], one label per row of " + x.getFileName());
                }
                for (int label : ya.toInts()) {
                    BadInputException.require(label >= 0, y.toString(), "labels >= 0", label);
                    maxLabel = Math.max(maxLabel, label);
                }
                s.files.add(x);
                s.files.add(y);
                arrays.put(split, new NpyArray[] {xa, ya});
            }
            int classes = Math.max(2, maxLabel + 1);
            s.classNames = java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
            int[] sampleShape = null;
            for (Map.Entry<String, NpyArray[]> e : arrays.entrySet()) {
                int[] shape = e.getValue()[0].shape();
                int[] sample = shape.length == 3 ? new int[] {1, shape[1], shape[2]}
                        : java.util.Arrays.copyOfRange(shape, 1, shape.length);
                if (sampleShape != null && !java.util.Arrays.equals(sample, sampleShape)) {
                    throw new BadInputException(e.getValue()[0].file() + ": samples are "
                            + java.util.Arrays.toString(sample) + " but training samples are "
                            + java.util.Arrays.toString(sampleShape));
                }
                sampleShape = sample;
                s.images = sample.length == 3;
                float[] features = e.getValue()[0].toFloats();
                requireFinite(features, e.getValue()[0].file(), shape[0] == 0 ? 1 : features.length / shape[0]);
                s.splits.put(e.getKey(), new TensorData(features, e.getValue()[1].toInts(), sample, classes));
            }
            return s;
        }

        /** Refuses NaN and infinite features, as the CSV reader does, naming the first one's row and column. */
        private static void requireFinite(float[] features, Object file, int perRow) {
            for (int i = 0; i < features.length; i++) {
                if (!Float.isFinite(features[i])) {
                    throw new BadInputException(file + ": row " + i / perRow + ", value " + i % perRow + " is "
                            + features[i] + "; features must be finite numbers");
                }
            }
        }

        private static Path labelsFile(Path x) {
            String name = x.getFileName().toString();
            int at = name.lastIndexOf('X');
            if (at < 0) {
                throw new BadInputException(x + ": cannot find the labels file; name the features <name>X.npy"
                        + " and the labels <name>y.npy (for example train_X.npy and train_y.npy)");
            }
            Path y = x.resolveSibling(name.substring(0, at) + "y" + name.substring(at + 1));
            if (!Files.isRegularFile(y)) {
                throw new BadInputException(x + ": labels file " + y + " does not exist");
            }
            return y;
        }

        LoadedDataset toDataset(String source, String sha, List<String> roles, Double ratio, Double achieved) {
            TensorData train = splits.get("train");
            TensorData validation = splits.get("val");
            if (validation == null) {
                TensorData[] parts = Holdout.split(train, source);
                train = parts[0];
                validation = parts[1];
            }
            return new LoadedDataset(images ? LoadedDataset.IMAGES : LoadedDataset.TABULAR, source, sha, classNames,
                    train, validation, splits.get("test"), Map.of(), roles, ratio, achieved);
        }
    }
}

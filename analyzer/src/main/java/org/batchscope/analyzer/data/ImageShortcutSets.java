package org.batchscope.analyzer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.common.BadInputException;
import org.batchscope.common.files.DatasetManifest;

/**
 * The shortcut sets of a generated image dataset ({@link ShortcutSets}): the training rho from the
 * manifest's {@code spec.rho}; the family tied to each class from its {@code background_of_class}; each
 * image's background family from the {@code background} column of its split's {@code metadata.csv},
 * matched by {@code path}. The grouped set is the test split, the featureless set
 * {@code test-only-background}; an image's shortcut class is the class its background family is tied
 * to, -1 for a family tied to none.
 */
final class ImageShortcutSets {

    static final String TEST = "test";
    static final String ONLY_BACKGROUND = "test-only-background";

    private ImageShortcutSets() {
    }

    /**
     * @param root      the dataset folder
     * @param manifest  its manifest
     * @param test      the test split as read, or null
     * @param extraSets the counterfactual splits as read
     * @param classNames the class names in label order
     * @return the sets, {@link ShortcutSets#none} when rho is 0 or the dataset lacks what they need, or null
     *         when the manifest records no rho
     */
    static ShortcutSets read(Path root, DatasetManifest manifest, TensorData test, Map<String, TensorData> extraSets,
            List<String> classNames) {
        Double rho = manifest.rho();
        if (rho == null) {
            return null;
        }
        TensorData onlyBackground = extraSets.get(ONLY_BACKGROUND);
        if (rho == 0 || manifest.backgroundOfClass().isEmpty() || test == null || onlyBackground == null) {
            return ShortcutSets.none(rho);
        }
        Map<String, Integer> classOfFamily = new HashMap<>();
        manifest.backgroundOfClass().forEach((name, family) -> classOfFamily.put(family, classNames.indexOf(name)));
        return new ShortcutSets(rho, test, shortcutClasses(root, TEST, classNames, classOfFamily),
                onlyBackground, shortcutClasses(root, ONLY_BACKGROUND, classNames, classOfFamily));
    }

    /** @return per image of split {@code split}, in the order the loader reads them, its shortcut class */
    private static int[] shortcutClasses(Path root, String split, List<String> classNames,
            Map<String, Integer> classOfFamily) {
        Map<String, String> familyOfPath = families(root.resolve(split).resolve("metadata.csv"));
        List<Path> files = ImageFolderReader.files(root.resolve(split), classNames);
        int[] out = new int[files.size()];
        for (int i = 0; i < out.length; i++) {
            String path = root.relativize(files.get(i)).toString().replace('\\', '/');
            String family = familyOfPath.get(path);
            if (family == null) {
                throw new BadInputException(root.resolve(split).resolve("metadata.csv") + ": no row for " + path);
            }
            out[i] = classOfFamily.getOrDefault(family, -1);
        }
        return out;
    }

    /** @return path to background family, from a metadata.csv with columns {@code path} and {@code background} */
    private static Map<String, String> families(Path metadata) {
        if (!Files.isRegularFile(metadata)) {
            throw new BadInputException(metadata + ": missing; a generated image split lists its images there");
        }
        Map<String, String> out = new HashMap<>();
        try (CsvReader csv = CsvReader.open(metadata)) {
            int path = csv.header().indexOf("path");
            int background = csv.header().indexOf("background");
            if (path < 0 || background < 0) {
                throw new BadInputException(metadata + ": needs columns path and background (has "
                        + csv.header() + ")");
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                out.put(row.get(path), row.get(background));
            }
        }
        return out;
    }
}

package org.batchscope.generator.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.common.OutputFolder;
import org.batchscope.common.Sha256;

/**
 * Checks a generated dataset folder against its {@code manifest.json} before it is trained on, so that a
 * dataset that is still being written, was left unfinished, or was altered afterwards is refused with one
 * line instead of being trained on (and instead of reusing results cached under the original's hash):
 * <ul>
 *   <li>incomplete: a running command owns the folder, or the in-progress marker is there;</li>
 *   <li>always: every file the manifest lists exists with the size it records ({@code file_bytes}); no file
 *       the manifest does not list sits inside a folder it lists files in (an added image would be
 *       trained on); {@code content_sha256} matches the listed hashes (an edited manifest);</li>
 *   <li>with {@code checksums}: every listed file's SHA-256 matches (a swapped image or an edited CSV of
 *       the same size). This reads every byte once: about 1 s per GB here.</li>
 * </ul>
 */
public final class ManifestCheck {

    private ManifestCheck() {
    }

    /**
     * @param option the option that named the folder, for messages ({@code --data})
     * @throws BadInputException naming the first problem found
     */
    public static void verify(Path root, boolean checksums, String option) {
        String owner = OutputFolder.runningOwner(root);
        if (owner != null) {
            throw new BadInputException(option + " " + root + " is being written by another batchscope command ("
                    + owner + "); wait for it to finish");
        }
        if (Files.exists(root.resolve(DatasetFolder.IN_PROGRESS))) {
            throw new BadInputException(option + " " + root + " is an unfinished dataset (its generate command was"
                    + " stopped); rerun that command to finish it");
        }
        Path manifestFile = root.resolve(DatasetFolder.MANIFEST);
        JsonNode manifest;
        try {
            manifest = Json.mapper().readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new BadInputException(manifestFile + ": not valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        Map<String, String> files = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("files").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            files.put(entry.getKey(), entry.getValue().asText());
        }
        String altered = option + " " + root + " differs from its manifest: ";
        if (files.isEmpty() || !Manifest.contentSha256(files).equals(manifest.path("content_sha256").asText())) {
            throw new BadInputException(altered + "manifest.json's files do not match its content_sha256"
                    + " (was it edited?); regenerate the dataset");
        }
        JsonNode sizes = manifest.path("file_bytes");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            if (!Files.isRegularFile(path)) {
                throw new BadInputException(altered + file.getKey() + " is missing; regenerate the dataset");
            }
            if (sizes.has(file.getKey()) && size(path) != sizes.get(file.getKey()).asLong()) {
                throw new BadInputException(altered + file.getKey() + " has " + size(path) + " bytes, the manifest"
                        + " says " + sizes.get(file.getKey()).asLong() + "; regenerate the dataset");
            }
        }
        String extra = unlisted(root, files.keySet());
        if (extra != null) {
            throw new BadInputException(altered + extra + " is not one of the generated files; remove it or"
                    + " regenerate the dataset");
        }
        if (checksums) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (!Sha256.ofFile(root.resolve(file.getKey())).equals(file.getValue())) {
                    throw new BadInputException(altered + file.getKey() + " has changed (its SHA-256 differs);"
                            + " regenerate the dataset (--no-verify skips the checksums)");
                }
            }
        }
    }

    /** @return the first file inside a folder that holds listed files which is itself not listed, or null */
    private static String unlisted(Path root, Set<String> listed) {
        Set<String> folders = new TreeSet<>();
        for (String rel : listed) {
            int slash = rel.indexOf('/');
            if (slash > 0) {
                folders.add(rel.substring(0, slash));
            }
        }
        for (String folder : folders) {
            try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (!listed.contains(rel) && !AtomicFiles.isTemporary(p)) {
                        return rel;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root.resolve(folder) + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}

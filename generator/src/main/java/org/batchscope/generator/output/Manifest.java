package org.batchscope.generator.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.batchscope.common.Json;
import org.batchscope.common.OutputFolder;
import org.batchscope.common.RandomStreams;
import org.batchscope.common.Sha256;
import org.batchscope.common.ToolVersion;
import org.batchscope.generator.SummaryStats;

/**
 * {@code manifest.json}: what a dataset is and how to check it. Fields (snake_case in the file):
 * {@code kind} (images or tabular), {@code tool_version}, {@code spec} (fully resolved),
 * {@code spec_sha256} (SHA-256 of the spec's canonical JSON), {@code seed}, {@code rng},
 * {@code counts} (split -> samples), {@code achieved_ratio} ({mean, std, min, max} of the measured r),
 * {@code roles} (what each column or image part is), {@code files} (relative path -> SHA-256 of every
 * file the generator wrote, and nothing else the folder may hold), {@code file_bytes} (relative path ->
 * size in bytes, for a quick check), {@code content_sha256} (SHA-256 of the lines
 * {@code "<sha256>  <path>\n"} in path order, the format of {@code sha256sum}), and generator-specific
 * {@code extra} fields.
 */
public final class Manifest {

    private Manifest() {
    }

    /** @return the canonical hash of a spec object: SHA-256 of its canonical JSON */
    public static String specSha256(Object spec) {
        return Sha256.of(Json.toBytes(spec));
    }

    /**
     * Hashes every file the generator wrote ({@link DatasetFolder#wrote}), writes {@code manifest.json} atomically and marks the folder complete.
     *
     * @param extra generator-specific fields merged into the manifest's top level (may be empty)
     * @return the written manifest tree
     */
    public static ObjectNode write(DatasetFolder folder, String kind, Object spec, long seed,
            Map<String, Long> counts, SummaryStats achievedRatio, Map<String, ?> roles, Map<String, ?> extra) {
        return write(folder, kind, spec, seed, counts, achievedRatio, roles, extra, Map.of());
    }

    /**
     * As {@link #write(DatasetFolder, String, Object, long, Map, SummaryStats, Map, Map)}, taking the hashes
     * of files the generator wrote itself from {@code knownHashes} (relative path -> SHA-256, as recorded by
     * {@link StagingArea#hashes}) instead of reading them back; every file named by
     * {@link DatasetFolder#wrote} is hashed from disk.
     */
    public static ObjectNode write(DatasetFolder folder, String kind, Object spec, long seed,
            Map<String, Long> counts, SummaryStats achievedRatio, Map<String, ?> roles, Map<String, ?> extra,
            Map<String, String> knownHashes) {
        Map<String, String> files = new TreeMap<>(knownHashes);
        for (String rel : folder.writtenFiles()) {
            files.computeIfAbsent(rel, r -> Sha256.ofFile(folder.root().resolve(r)));
        }
        Map<String, Long> sizes = new TreeMap<>();
        for (String rel : files.keySet()) {
            sizes.put(rel, size(folder.root().resolve(rel)));
        }
        ObjectNode manifest = Json.mapper().createObjectNode();
        manifest.put("kind", kind);
        manifest.put("tool_version", ToolVersion.toolString());
        manifest.set("spec", Json.mapper().valueToTree(spec));
        manifest.put("spec_sha256", folder.specSha256());
        manifest.put("seed", seed);
        manifest.put("rng", RandomStreams.ALGORITHM.name());
        manifest.set("counts", Json.mapper().valueToTree(new TreeMap<>(counts)));
        manifest.set("achieved_ratio", Json.mapper().valueToTree(achievedRatio.toSummary()));
        manifest.set("roles", Json.mapper().valueToTree(roles));
        extra.forEach((key, value) -> manifest.set(key, Json.mapper().valueToTree(value)));
        manifest.set("files", Json.mapper().valueToTree(files));
        manifest.set("file_bytes", Json.mapper().valueToTree(sizes));
        manifest.put("content_sha256", contentSha256(files));
        Json.write(folder.root().resolve(DatasetFolder.MANIFEST), manifest);
        folder.markComplete();
        return manifest;
    }

    /** @return SHA-256 over {@code "<sha256>  <path>\n"} lines in path order */
    public static String contentSha256(Map<String, String> files) {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(files).forEach((path, sha) -> lines.append(sha).append("  ").append(path).append('\n'));
        return Sha256.of(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return relative path (with '/') -> SHA-256 for every file under {@code root} except the manifest,
     *         the in-progress marker and the output-folder record; for comparing folders in tests and checks
     */
    public static Map<String, String> hashFiles(Path root) {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        Map<String, String> files = new TreeMap<>();
        for (Path p : paths) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (!rel.equals(DatasetFolder.MANIFEST) && !rel.equals(DatasetFolder.IN_PROGRESS)
                    && !rel.equals(OutputFolder.RECORD) && !rel.equals(OutputFolder.LOCK)) {
                files.put(rel, Sha256.ofFile(p));
            }
        }
        return files;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the {@code spec_sha256} recorded in a manifest, or null when absent */
    static String readSpecSha256(Path manifest) throws IOException {
        JsonNode node = Json.mapper().readTree(manifest.toFile());
        JsonNode sha = node.get("spec_sha256");
        return sha == null ? null : sha.asText();
    }
}

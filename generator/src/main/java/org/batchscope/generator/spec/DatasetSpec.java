package org.batchscope.generator.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;

/**
 * Everything that determines a generated dataset: an {@link ImageSpec} or a {@link TabularSpec}, told
 * apart by the {@code kind} key ({@code images} or {@code tabular}) that every spec the tool writes
 * carries (spec files, the demo's, the {@code spec} of a manifest). Read spec files with {@link #read}:
 * a file without {@code kind} is accepted where the command implies the kind ({@code generate images},
 * {@code generate tabular}); a kind that contradicts the command, or a missing kind where none is
 * implied ({@code analyze --spec}), is a {@link BadInputException}.
 */
public sealed interface DatasetSpec permits ImageSpec, TabularSpec {

    /** The spec key that names the kind. */
    String KIND_KEY = "kind";

    /** The kinds of dataset, by the name written after {@code kind:}. */
    enum Kind {
        /** Eye-colour dogs on structured backgrounds ({@link ImageSpec}). */
        IMAGES(ImageSpec.class),
        /** A table with structured-noise blocks ({@link TabularSpec}). */
        TABULAR(TabularSpec.class);

        private final Class<? extends DatasetSpec> type;

        Kind(Class<? extends DatasetSpec> type) {
            this.type = type;
        }

        /** @return the name written in spec files and manifests: {@code images} or {@code tabular} */
        @JsonValue
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the spec of this kind with every field at its default */
        public DatasetSpec defaults() {
            return this == IMAGES ? ImageSpec.defaults() : TabularSpec.defaults();
        }

        /** @return the kind called {@code name} ({@code images} or {@code tabular}), or null when there is none */
        public static Kind bySpecName(String name) {
            return Arrays.stream(values()).filter(k -> k.specName().equals(name)).findFirst().orElse(null);
        }

        static String allowedNames() {
            return Arrays.stream(values()).map(Kind::specName).collect(Collectors.joining(" or "));
        }
    }

    /** @return the kind, written as the {@code kind} key (output only: {@link #read} checks it on input) */
    @JsonProperty(value = KIND_KEY, access = JsonProperty.Access.READ_ONLY)
    Kind kind();

    /** @return the requested noise-to-feature ratio r (the {@code ratio} key) */
    double requestedRatio();

    /** @return the samples of the train split (the {@code train} key), known before anything is generated */
    long trainCount();

    /** @return the samples of the val split (the {@code val} key; 0 writes no val split) */
    long valCount();

    /**
     * @param overrides spec keys (snake_case) to new values, as command-line options override a spec file
     * @return this spec with the given fields replaced, validated again
     * @throws BadInputException for an unknown key or a bad value, naming the key
     */
    DatasetSpec with(Map<String, ?> overrides);

    /**
     * Reads a spec file (YAML or JSON).
     *
     * @param file    the spec file
     * @param implied the kind the command makes, or null when the file must say ({@code kind})
     * @param command the command, for messages, for example {@code generate images}
     * @throws BadInputException one line naming the file: a missing file, bad syntax, an unknown key, a
     *                           bad value, an unknown kind, a kind other than {@code implied}, or no kind
     *                           where none is implied
     */
    static DatasetSpec read(Path file, Kind implied, String command) {
        ObjectNode tree = Json.readSpecTree(file);
        JsonNode given = tree.remove(KIND_KEY);
        Kind kind = implied;
        if (given != null) {
            kind = Kind.bySpecName(given.asText());
            BadInputException.require(given.isTextual() && kind != null, file + ": " + KIND_KEY,
                    Kind.allowedNames(), given);
            if (implied != null && kind != implied) {
                throw new BadInputException(file + ": kind " + kind.specName() + " does not fit " + command
                        + ", which reads kind " + implied.specName() + " (or no kind)");
            }
        } else if (kind == null) {
            throw new BadInputException(file + ": no '" + KIND_KEY + "' key; " + command + " needs '" + KIND_KEY
                    + ": images' or '" + KIND_KEY + ": tabular' in the spec");
        }
        return Json.bindSpec(tree, kind.type, file);
    }

    /** As {@link #read(Path, Kind, String)} for a command that makes {@code type}'s kind. */
    static <T extends DatasetSpec> T read(Path file, Class<T> type, String command) {
        Kind implied = Arrays.stream(Kind.values()).filter(k -> k.type == type).findFirst().orElseThrow();
        return type.cast(read(file, implied, command));
    }
}

package org.batchscope.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one JSON/YAML configuration of the project. Output is canonical (sorted keys, two-space indent,
 * trailing newline) so that the same object always gives the same bytes and the same checksum. Input
 * rejects unknown keys, and {@link #readSpec} turns every parse problem into one
 * {@link BadInputException} line naming the file and the field.
 */
public final class Json {

    private static final ObjectMapper JSON = configure(JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build());
    private static final ObjectMapper YAML = configure(YAMLMapper.builder(new YAMLFactory())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build());

    private Json() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** @return the shared JSON mapper (thread-safe once configured; do not reconfigure) */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** @return canonical JSON bytes of {@code value}, ending with a newline */
    public static byte[] toBytes(Object value) {
        try {
            String text = JSON.writeValueAsString(value) + "\n";
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes {@code value} as canonical JSON to {@code target} atomically. */
    public static void write(Path target, Object value) {
        AtomicFiles.write(target, toBytes(value));
    }

    /**
     * Reads a spec file, YAML ({@code .yaml}/{@code .yml}) or JSON by extension.
     *
     * @throws BadInputException naming the file and the offending field, for a missing file, a syntax
     *                           error, an unknown key, a wrong type or a value its record rejects
     */
    public static <T> T readSpec(Path file, Class<T> type) {
        ObjectMapper mapper = mapperFor(file);
        try {
            return mapper.readValue(readSpecBytes(file), type);
        } catch (JsonMappingException e) {
            throw badValue(file, e);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            int nl = message.indexOf('\n');
            throw new BadInputException(file + ": not valid " + (mapper == YAML ? "YAML" : "JSON")
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : "") + ": "
                    + (nl < 0 ? message : message.substring(0, nl)), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a spec file that must hold a mapping of keys to values, as a tree to inspect before it is
     * bound with {@link #bindSpec}.
     *
     * @throws BadInputException as {@link #readSpec}, and when the file holds something else than a mapping
     */
    public static ObjectNode readSpecTree(Path file) {
        JsonNode tree = readSpec(file, JsonNode.class);
        if (!(tree instanceof ObjectNode object)) {
            throw new BadInputException(file + ": a spec must be a mapping of keys to values");
        }
        return object;
    }

    /**
     * Binds a tree read by {@link #readSpecTree} to {@code type}, with the errors of {@link #readSpec}.
     *
     * @param file the file the tree came from, for messages
     */
    public static <T> T bindSpec(ObjectNode tree, Class<T> type, Path file) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw badValue(file, e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper mapperFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    }

    /** @return one line naming the file and the key or field of a mapping error */
    private static BadInputException badValue(Path file, JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new BadInputException(file + ": unknown key '" + unknown.getPropertyName() + "'"
                    + " (allowed: " + unknown.getKnownPropertyIds() + ")");
        }
        if (e.getCause() instanceof BadInputException bad) {
            return new BadInputException(file + ": " + bad.getMessage(), bad);
        }
        return new BadInputException(file + ": " + describePath(e) + inWords(e), e);
    }

    /** @return the bytes of a spec file, or one line naming {@code --spec} and why it cannot be read */
    public static byte[] readSpecBytes(Path file) {
        return InputFiles.readAllBytes(file, "--spec");
    }

    /** @return what is wrong, in the words of a spec's author rather than of Java's types */
    private static String inWords(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException typeId) {
            return "unknown kind '" + typeId.getTypeId() + "'";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && mismatch.getTargetType() != null) {
            String got = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException format
                    ? " (got '" + format.getValue() + "')" : "";
            return "expected " + expected(mismatch.getTargetType()) + got;
        }
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("No content to map due to end-of-input")) {
            return "the file is empty";
        }
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    private static String expected(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a mapping of keys to values";
        }
        return "a mapping with the fields of " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** @return {@code "field 'a.b[2]': "} naming where in the document a mapping error is, or "" at the top */
    public static String describePath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : "field '" + path + "': ";
    }
}

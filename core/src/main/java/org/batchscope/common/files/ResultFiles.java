package org.batchscope.common.files;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.common.ToolVersion;

/**
 * Reads and writes the results folder's files. Keys are snake_case (record components without an explicit
 * name are converted, so a config's {@code batchSize} is written {@code batch_size}); output is canonical
 * (sorted keys, two-space indent, trailing newline), so the same object always gives the same bytes and
 * the same hash. Reading binds the whole file to its record, rejecting unknown keys; its
 * {@code schema_version} is checked first: a newer one than this build reads is refused. Every problem is
 * one {@link BadInputException} line naming the file.
 */
public final class ResultFiles {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The version a file without {@code schema_version} has: written before versions were recorded. */
    public static final int UNVERSIONED = 1;

    /** Just the version, read before binding the rest. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Header(@JsonProperty("schema_version") Integer schemaVersion) {
    }

    private ResultFiles() {
    }

    /** @return canonical JSON bytes of {@code value}, ending with a newline */
    public static byte[] toBytes(Object value) {
        try {
            return (MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes {@code value} to {@code target} atomically. */
    public static void write(Path target, Object value) {
        AtomicFiles.write(target, toBytes(value));
    }

    /**
     * @return the file's {@code schema_version}, {@value #UNVERSIONED} when it has none
     * @throws BadInputException when the file cannot be read or is not JSON, or its version is newer than
     *                           {@code supported}
     */
    public static int schemaVersion(Path file, int supported) {
        Header header = bind(file, new TypeReference<Header>() { });
        int version = header.schemaVersion() == null ? UNVERSIONED : header.schemaVersion();
        if (version > supported) {
            throw new BadInputException(file + ": schema_version " + version + " is newer than batchscope "
                    + ToolVersion.version() + " reads (" + supported + "); use the batchscope that wrote it or a newer one");
        }
        return version;
    }

    /**
     * Reads a file of exactly schema {@code supported}.
     *
     * @throws BadInputException for an unreadable file, a newer schema, an older one (the message says to
     *                           rerun the analyzer), or content that does not fit the record
     */
    public static <T> T read(Path file, int supported, TypeReference<T> type) {
        int version = schemaVersion(file, supported);
        if (version < supported) {
            throw new BadInputException(file + ": schema_version " + version + " was written by an older batchscope"
                    + " (this one reads " + supported + "); rerun batchscope analyze on the same folder to refresh it");
        }
        return bind(file, type);
    }

    /**
     * @return {@code value}
     * @throws BadInputException "field 'name' is missing" when it is null (the reader adds the file)
     */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new BadInputException("field '" + field + "' is missing; is this an analyzer results folder?");
        }
        return value;
    }

    private static <T> T bind(Path file, TypeReference<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof BadInputException bad ? bad : e;
            throw new BadInputException(file + ": " + Json.describePath(e) + (cause instanceof BadInputException
                    ? cause.getMessage() : e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}

package org.batchscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.analyzer.data.RemoteDatasetReader;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A sweep given as a file ({@code analyze --sweep FILE}): a YAML or JSON mapping whose keys are the
 * {@code analyze} options in snake_case ({@code batch_sizes} for {@code --batch-sizes}) and whose values
 * are what the option takes: a scalar, or for a list option (they all split on commas) a list or a
 * comma-separated string. Paths
 * ({@code data}, {@code spec}, {@code out}) are relative to the file's folder (a URI such as
 * {@code file:///x} or {@code hdfs://host/x} is taken as written); {@code model} is taken as
 * written, like the option. The file's values replace the options' defaults, and an option given on the
 * command line replaces the file's value (it acts as picocli's default-value provider).
 * Validated before any work, like the dataset specs: an unknown key, a mapping or a missing value is one
 * {@link BadInputException} line naming the file and the key; a value the option refuses names the key too.
 */
final class SweepFile implements CommandLine.IDefaultValueProvider {

    private final Path file;
    /** Option name ({@code --batch-sizes}) -> its value as command-line text. */
    private final Map<String, String> values;

    private SweepFile(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /**
     * @param file    the sweep file
     * @param command the {@code analyze} command, whose own options (not {@code --sweep}, help, version or
     *                inherited ones) are the allowed keys
     * @throws BadInputException for a missing file, bad syntax, an unknown key or a value that is not a
     *                           scalar (or a list of scalars, for a list option)
     */
    static SweepFile read(Path file, CommandSpec command) {
        BadInputException.require(Files.isRegularFile(file), "--sweep", "an existing YAML or JSON file", file);
        Map<String, OptionSpec> options = allowedOptions(command);
        ObjectNode tree = Json.readSpecTree(file);
        Path folder = file.getParent();
        Map<String, String> values = new LinkedHashMap<>();
        for (var it = tree.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            OptionSpec option = options.get(key);
            if (option == null) {
                throw new BadInputException(file + ": unknown key '" + key + "' (allowed: " + options.keySet() + ")");
            }
            values.put(option.longestName(), text(file, key, option, entry.getValue(), folder));
        }
        return new SweepFile(file, values);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        return argSpec instanceof OptionSpec option ? values.get(option.longestName()) : null;
    }

    /**
     * @return {@code e} as one line naming the file and the key when the value that failed came from the
     *         file, else picocli's own message
     */
    BadInputException explain(CommandLine.ParameterException e) {
        if (e.getArgSpec() instanceof OptionSpec option && values.containsKey(option.longestName())) {
            return new BadInputException(file + ": " + key(option) + ": " + e.getMessage(), e);
        }
        return new BadInputException(e.getMessage(), e);
    }

    /**
     * @param given the options given on the command line, as {@code --name=value}; their values are not
     *              the file's
     * @return {@code e} naming the file and the key instead of the option when its message is about an
     *         option whose value came from the file (a check made after parsing, such as a batch size
     *         larger than the training set), else {@code e}
     */
    BadInputException explain(BadInputException e, List<String> given) {
        String message = e.getMessage();
        for (String option : values.keySet()) {
            boolean aboutOption = message.startsWith(option + " ") || message.startsWith(option + ":");
            boolean fromFile = given.stream().noneMatch(g -> g.startsWith(option + "="));
            if (aboutOption && fromFile) {
                return new BadInputException(file + ": " + key(option) + message.substring(option.length()), e);
            }
        }
        return e;
    }

    /** @return the file key of an option: its longest name without dashes, in snake_case */
    static String key(OptionSpec option) {
        return key(option.longestName());
    }

    private static String key(String optionName) {
        return optionName.replaceFirst("^-+", "").replace('-', '_').toLowerCase(Locale.ROOT);
    }

    private static Map<String, OptionSpec> allowedOptions(CommandSpec command) {
        Map<String, OptionSpec> options = new TreeMap<>();
        for (OptionSpec option : command.options()) {
            if (!option.inherited() && !option.usageHelp() && !option.versionHelp()
                    && !option.longestName().equals(AnalyzeCommand.SWEEP_OPTION)) {
                options.put(key(option), option);
            }
        }
        return options;
    }

    private static String text(Path file, String key, OptionSpec option, JsonNode value, Path folder) {
        boolean list = option.isMultiValue();
        BadInputException.require(value.isValueNode() && !value.isNull() || list && value.isArray(), file + ": " + key,
                list ? "a value or a list of values" : "a single value", value);
        List<String> items = new ArrayList<>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            BadInputException.require(item.isValueNode() && !item.isNull(), file + ": " + key, "a list of values", value);
            String text = item.asText();
            boolean path = option.type() == Path.class || StorageUri.PATH_OR_URI.equals(option.paramLabel());
            items.add(path && folder != null && !RemoteDatasetReader.isUri(text)
                    ? folder.resolve(text).normalize().toString() : text);
        }
        BadInputException.require(!items.isEmpty(), file + ": " + key, "a non-empty list", value);
        return String.join(",", items);
    }
}

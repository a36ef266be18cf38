package dev.syncledger.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code --config} file: a properties file whose keys are the long option names without dashes
 * ({@code bootstrap-servers=broker:9092}). It is found before the command line is parsed, since its
 * values are the defaults the parse falls back on.
 */
public final class ConfigFile {

    public static final String OPTION = "--config";

    private final Path path;
    private final Map<String, String> values;

    private ConfigFile(Path path, Map<String, String> values) {
        this.path = path;
        this.values = Map.copyOf(values);
    }

    public static ConfigFile none() {
        return new ConfigFile(null, Map.of());
    }

    /** {@code --config FILE} or {@code --config=FILE} among the arguments, else {@code SYNC_LEDGER_CONFIG}. */
    public static Optional<Path> locate(String[] args, Map<String, String> environment) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith(OPTION + "=")) {
                return Optional.of(Path.of(args[i].substring(OPTION.length() + 1)));
            }
        }
        String fromEnvironment = environment.get(EnvironmentVariables.variableFor(OPTION));
        return fromEnvironment == null || fromEnvironment.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnvironment));
    }

    /**
     * Reads the file and checks that every key is an option of this command line.
     *
     * @throws InvalidConfigException when the file cannot be read or names an unknown setting
     */
    public static ConfigFile load(Path path, Set<String> knownKeys) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException("no such configuration file: " + path + "; fix --config or SYNC_LEDGER_CONFIG");
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigException("cannot read the configuration file " + path + ": " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String name = key.strip();
            if (!knownKeys.contains(name)) {
                throw new InvalidConfigException("unknown setting '" + name + "' in " + path + "; the keys are the long option names"
                        + " without dashes: " + String.join(", ", new TreeSet<>(knownKeys)));
            }
            values.put(name, properties.getProperty(key).strip());
        }
        return new ConfigFile(path, values);
    }

    /** The value for a long option ({@code --bootstrap-servers}), when the file sets it. */
    public Optional<String> valueOf(String longOption) {
        return Optional.ofNullable(values.get(keyOf(longOption)));
    }

    public static String keyOf(String longOption) {
        return longOption.replaceFirst("^--", "");
    }

    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The file is missing, unreadable or names a setting no option has: a usage error. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }
}

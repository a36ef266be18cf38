package dev.syncledger.app.cli;

import dev.syncledger.app.config.ConfigFile;
import dev.syncledger.app.config.EnvironmentVariables;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The value of an option not given on the command line, in this order: the environment
 * ({@code --database-url} from {@code SYNC_LEDGER_DATABASE_URL}), then the {@code --config} file
 * ({@code database-url=...}), then the option's own default. A flag on the command line wins over all three.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    public static final String PREFIX = EnvironmentVariables.PREFIX;

    private final Map<String, String> environment;
    private final ConfigFile file;

    public EnvironmentDefaults(Map<String, String> environment, ConfigFile file) {
        this.environment = Map.copyOf(environment);
        this.file = file;
    }

    public EnvironmentDefaults(Map<String, String> environment) {
        this(environment, ConfigFile.none());
    }

    public EnvironmentDefaults() {
        this(System.getenv());
    }

    public static String variableFor(String longOption) {
        return EnvironmentVariables.variableFor(longOption);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option && option.longestName().startsWith("--")) {
            String name = option.longestName();
            String value = environment.get(variableFor(name));
            if (value != null && !value.isBlank()) {
                return value;
            }
            Optional<String> fromFile = file.valueOf(name);
            if (fromFile.isPresent()) {
                return fromFile.get();
            }
        }
        return argSpec.defaultValue();
    }
}

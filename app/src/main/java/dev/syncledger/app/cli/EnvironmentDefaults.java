package dev.syncledger.app.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets every long option be set from the environment: {@code --database-url} from
 * {@code SYNC_LEDGER_DATABASE_URL}. A flag on the command line wins over the environment, which wins
 * over the option's own default.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    public static final String PREFIX = "SYNC_LEDGER_";

    private final Map<String, String> environment;

    public EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public EnvironmentDefaults() {
        this(System.getenv());
    }

    public static String variableFor(String longOption) {
        return PREFIX + longOption.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option && option.longestName().startsWith("--")) {
            String value = environment.get(variableFor(option.longestName()));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return argSpec.defaultValue();
    }
}

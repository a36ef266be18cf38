package dev.syncledger.app.config;

import java.util.Locale;

/** How a long option is spelled as an environment variable: {@code --bootstrap-servers} as {@code SYNC_LEDGER_BOOTSTRAP_SERVERS}. */
public final class EnvironmentVariables {

    public static final String PREFIX = "SYNC_LEDGER_";

    private EnvironmentVariables() {}

    public static String variableFor(String longOption) {
        return PREFIX + longOption.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }
}

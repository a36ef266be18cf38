package dev.syncledger.app.config;

import dev.syncledger.sink.db.Database;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The PostgreSQL database and schema holding sync-ledger's tables. */
public final class DatabaseOptions {

    @Option(names = "--database-url", paramLabel = "URL", defaultValue = Database.DEFAULT_URL,
            description = "PostgreSQL JDBC URL (default: " + Database.DEFAULT_URL + "). A value from the environment or the --config"
                    + " file is never shown here: it may hold a password.")
    String databaseUrl;

    @Option(names = "--schema", paramLabel = "NAME", defaultValue = Database.DEFAULT_SCHEMA,
            description = "The schema holding sync-ledger's tables, created when missing (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--rejected-retention", paramLabel = "DURATION", defaultValue = "30d", converter = DurationConverter.class,
            description = "How long rejected events are kept in rejected_events before the sink forgets them (default: ${DEFAULT-VALUE}).")
    Duration rejectedRetention;

    public Duration rejectedRetention() {
        return rejectedRetention;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public String schema() {
        return schema;
    }
}

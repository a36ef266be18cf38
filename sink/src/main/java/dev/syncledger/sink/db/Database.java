package dev.syncledger.sink.db;

import dev.syncledger.schemas.text.Redaction;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The sink's PostgreSQL database: one schema, migrated by Flyway, and a {@link Jdbi} over one connection pool
 * whose connections all have that schema as their search_path, so no SQL names the schema. The sink, the health
 * checks and the retention prune share the pool; connections are kept, so each keeps its prepared statements.
 *
 * <p>Every connection has a connect timeout, a socket timeout, a statement timeout and TCP keep-alive
 * ({@link ConnectionLimits}): a server that stops answering fails a batch or a health check within bounds instead
 * of hanging it, and {@value #WORK_MEM} of work_mem, so that a batch's sort stays in memory. A parameter of the same
 * name in the URL takes precedence (an {@code options} parameter replaces both settings).
 */
public final class Database implements AutoCloseable {

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/postgres?user=postgres";
    public static final String DEFAULT_SCHEMA = "sync_ledger";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String WHERE_TO_FIX = "set --database-url or SYNC_LEDGER_DATABASE_URL";
    private static final String APPLICATION_NAME = "sync-ledger-sink";
    /**
     * A batch's upsert sorts its rows by key and unnests its column arrays into a tuple store; at PostgreSQL's default
     * of 4 MB both spill to temporary files from about 20,000 sync-log rows on. Per sort or store of a statement, on
     * the pool's few connections.
     */
    static final String WORK_MEM = "32MB";

    private final String displayUrl;
    private final String schema;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(String displayUrl, String schema, HikariDataSource dataSource) {
        this.displayUrl = displayUrl;
        this.schema = schema;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        // The batch statements take each column as one array, which the driver would send as text.
        BinaryArray.argumentFactories().forEach(jdbi::registerArgument);
    }

    /**
     * Checks the URL and the schema name, then opens one connection to fail now, with a message a
     * person can act on, rather than at the first batch.
     *
     * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL or the schema name is not a plain identifier
     * @throws DatabaseUnavailableException when the server cannot be reached or refuses the login
     */
    public static Database connect(String url, String schema) {
        return connect(url, schema, ConnectionLimits.DEFAULT);
    }

    /** As {@link #connect(String, String)}, with these limits on the pool and its connections. */
    public static Database connect(String url, String schema, ConnectionLimits limits) {
        Objects.requireNonNull(url, "url");
        requireSchemaName(schema);
        String displayUrl = Redaction.url(url);
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + displayUrl
                    + "; expected jdbc:postgresql://host:5432/database?user=name, " + WHERE_TO_FIX);
        }
        PGSimpleDataSource connections = connections(url, parsed, schema, limits);
        checkReachable(connections, displayUrl);
        return new Database(displayUrl, schema, pool(connections, limits));
    }

    /** Schema names go into search_path and Flyway's configuration, so only plain lower-case identifiers are accepted. */
    public static String requireSchemaName(String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a usable schema name: '" + schema
                    + "'; use lower-case letters, digits and underscores, starting with a letter or underscore");
        }
        return schema;
    }

    private static PGSimpleDataSource connections(String url, Properties parsed, String schema, ConnectionLimits limits) {
        PGSimpleDataSource connections = new PGSimpleDataSource();
        connections.setURL(url);
        connections.setCurrentSchema(schema);
        connections.setReWriteBatchedInserts(true);
        if (parsed.getProperty("ApplicationName") == null) {
            connections.setApplicationName(APPLICATION_NAME);
        }
        if (parsed.getProperty("connectTimeout") == null) {
            connections.setConnectTimeout(seconds(limits.connectTimeout()));
        }
        if (parsed.getProperty("socketTimeout") == null) {
            connections.setSocketTimeout(seconds(limits.socketTimeout()));
        }
        if (parsed.getProperty("tcpKeepAlive") == null) {
            connections.setTcpKeepAlive(true);
        }
        if (parsed.getProperty("binaryTransferEnable") == null) {
            connections.setBinaryTransferEnable(BinaryArray.BINARY_TRANSFER_ENABLE);
        }
        if (parsed.getProperty("options") == null) {
            connections.setOptions("-c statement_timeout=" + limits.statementTimeout().toMillis() + " -c work_mem=" + WORK_MEM);
        }
        return connections;
    }

    private static HikariDataSource pool(PGSimpleDataSource connections, ConnectionLimits limits) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(connections);
        pool.setPoolName(APPLICATION_NAME);
        pool.setMaximumPoolSize(limits.poolSize());
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(limits.connectTimeout().toMillis());
        pool.setValidationTimeout(Math.min(limits.connectTimeout().toMillis(), 5_000));
        pool.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        // Reachability is checked before, on a connection of its own, so that a wrong URL fails at once and says why.
        pool.setInitializationFailTimeout(-1);
        return new HikariDataSource(pool);
    }

    private static int seconds(Duration duration) {
        return (int) Math.max(1, duration.toSeconds());
    }

    /** Creates the schema if needed and applies the migrations under db/migration. */
    public void migrate() {
        requireSchemaMayBeCreated();
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .createSchemas(true)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            if (SqlFailure.of(e) == SqlFailure.UNAVAILABLE) {
                throw unavailable(e);
            }
            throw new IllegalStateException("cannot migrate schema " + schema + " of PostgreSQL at " + displayUrl
                    + ": " + SqlFailure.describe(e), e);
        }
    }

    private void requireSchemaMayBeCreated() {
        SchemaAccess access = jdbi.onDemand(SchemaAccess.class);
        boolean mayMigrate;
        String login;
        try {
            mayMigrate = access.schemaExistsOrMayBeCreated(schema);
            login = mayMigrate ? "" : access.loginAndDatabase();
        } catch (RuntimeException e) {
            throw SqlFailure.of(e) == SqlFailure.UNAVAILABLE ? unavailable(e) : e;
        }
        if (!mayMigrate) {
            throw new IllegalStateException("cannot migrate schema " + schema + " of PostgreSQL at " + displayUrl
                    + ": permission denied to create it (login " + login
                    + "); create the schema for this login, or migrate as a login that may create it");
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public String schema() {
        return schema;
    }

    /** The URL without its password, for messages and logs. */
    public String displayUrl() {
        return displayUrl;
    }

    /** A one-line explanation of why the database cannot be used, naming the URL (without password) and the fix. */
    public DatabaseUnavailableException unavailable(Throwable cause) {
        return unavailable(displayUrl, cause);
    }

    private static DatabaseUnavailableException unavailable(String displayUrl, Throwable cause) {
        String state = SqlFailure.sqlState(cause).orElse("");
        String why = SqlFailure.describe(cause).replaceAll("\\.+$", "");
        if (state.startsWith("28")) {
            return new DatabaseUnavailableException("PostgreSQL at " + displayUrl + " refused the login: " + why
                    + "; check the user and password, " + WHERE_TO_FIX, cause);
        }
        if (state.equals("3D000")) {
            return new DatabaseUnavailableException("PostgreSQL at " + displayUrl + " has no such database: " + why
                    + "; " + WHERE_TO_FIX, cause);
        }
        return new DatabaseUnavailableException("cannot reach PostgreSQL at " + displayUrl + ": " + why
                + "; is it running? " + WHERE_TO_FIX, cause);
    }

    private static void checkReachable(PGSimpleDataSource connections, String displayUrl) {
        try (Connection connection = connections.getConnection()) {
            connection.getMetaData();
        } catch (SQLException e) {
            throw unavailable(displayUrl, e);
        }
    }

    /** Closes the pool's connections; the Jdbi is unusable afterwards. */
    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "PostgreSQL at " + displayUrl + ", schema " + schema;
    }
}

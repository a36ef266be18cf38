package dev.syncledger.app.api;

import dev.syncledger.app.cli.Preflight;
import dev.syncledger.app.cli.Shutdown;
import dev.syncledger.app.config.CommonOptions;
import dev.syncledger.app.config.DatabaseOptions;
import dev.syncledger.sink.db.Database;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Serves the read-only JSON:API over the sink's database until SIGTERM or Ctrl-C: /v1/workspace_connector_sync_log",
                "and /v1/connector_status, each request scoped to the workspace of its bearer token (mint one with `token`).",
                "Requests read as the role sync_ledger_reader, so the database login must be allowed to SET ROLE to it;",
                "pending migrations are applied at start, as the sink does."})
public final class ServeCommand implements Callable<Integer> {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    ApiSecret secret;

    @Mixin
    CommonOptions common;

    @Option(names = "--api-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the API binds (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8081",
            description = "The API's port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    private final Shutdown shutdown;
    private final Map<String, String> environment;

    public ServeCommand(Shutdown shutdown, Map<String, String> environment) {
        this.shutdown = shutdown;
        this.environment = Map.copyOf(environment);
    }

    /** The roles and policies the API relies on come with the migrations: a schema the sink left behind gets them here. */
    private ReadApi start(Database db, ApiTokens tokens) {
        db.migrate();
        return ReadApi.start(db.jdbi(), tokens, host, port);
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiTokens tokens;
        try {
            tokens = secret.tokens(environment);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--api-port must be between 0 and 65535, was " + port);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int exitCode = 1;
        try (Shutdown.Registration signals = shutdown.onSignals(CLOSE_TIMEOUT);
             Database db = Preflight.database(database.databaseUrl(), database.schema());
             ReadApi api = start(db, tokens)) {
            spec.commandLine().getOut().println("serving the read API at " + api.uri() + "/v1/ over " + db.displayUrl()
                    + ", schema " + db.schema() + "; stop with Ctrl-C");
            spec.commandLine().getOut().flush();
            while (!shutdown.awaitRequest(Duration.ofDays(1))) {
                // Only a stop request ends serving.
            }
            exitCode = 0;
            return exitCode;
        } finally {
            shutdown.stopped(exitCode);
        }
    }
}

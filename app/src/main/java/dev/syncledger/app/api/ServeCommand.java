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
    ApiServeOptions api;

    @Mixin
    CommonOptions common;

    private final Shutdown shutdown;
    private final Map<String, String> environment;

    public ServeCommand(Shutdown shutdown, Map<String, String> environment) {
        this.shutdown = shutdown;
        this.environment = Map.copyOf(environment);
    }

    /** The roles and policies the API relies on come with the migrations: a schema the sink left behind gets them here. */
    private static ReadApi start(Database db, ApiServeOptions.Settings settings) {
        db.migrate();
        return settings.start(db.jdbi());
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiServeOptions.Settings settings;
        try {
            settings = api.settings(environment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int exitCode = 1;
        try (Shutdown.Registration signals = shutdown.onSignals(CLOSE_TIMEOUT);
             Database db = Preflight.database(database.databaseUrl(), database.schema());
             ReadApi server = start(db, settings)) {
            spec.commandLine().getOut().println("serving the read API at " + server.uri() + "/v1/ over " + db.displayUrl()
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

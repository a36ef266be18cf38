package dev.syncledger.app.migrate;

import dev.syncledger.app.cli.Preflight;
import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.app.config.CommonOptions;
import dev.syncledger.app.config.DatabaseOptions;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.DatabaseUnavailableException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Applies the migrations and exits, so that a deployment can migrate as the schema's owner and run the sink as a
 * login that may only read and write rows: {@code run} and {@code serve} then find nothing pending.
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {
                "Creates the schema if missing, applies pending migrations and exits. Run it as the login that should own",
                "the tables (it needs CREATE on the database, and the roles sync_ledger_reader and sync_ledger_writer to",
                "exist or the right to create them); `run` and `serve` can then connect as a member of sync_ledger_writer."})
public final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (Database db = Preflight.database(database.databaseUrl(), database.schema())) {
            try {
                db.migrate();
            } catch (IllegalStateException | DatabaseUnavailableException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
            spec.commandLine().getOut().println("schema " + db.schema() + " of " + db.displayUrl() + " is migrated");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

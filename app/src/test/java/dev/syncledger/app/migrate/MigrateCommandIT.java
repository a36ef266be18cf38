package dev.syncledger.app.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.CliCapture;
import dev.syncledger.app.testing.TestDatabase;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deployment's split (compose's {@code migrate} service): the owner applies the migrations once, and {@code run}
 * then starts as a login that is only a member of sync_ledger_writer, whose own migrate at start finds nothing to do.
 */
class MigrateCommandIT {

    private final TestDatabase database = TestDatabase.freshSchema();
    /** A login of this test only: roles are cluster-wide, so the name is random and the role dropped after. */
    private final String writerLogin = "sync_ledger_it_writer_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private final Jdbi superuser = Jdbi.create(database.url());
    private final CliCapture cli = new CliCapture();

    @AfterEach
    void dropSchemaAndLogin() {
        database.close();
        superuser.useHandle(handle -> handle.execute("DROP ROLE IF EXISTS " + writerLogin));
    }

    @Test
    void shouldApplyEveryMigrationOnceAndFindNothingPendingTheSecondTime() {
        assertThat(migrate(database.url())).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("schema " + database.schema() + " of " + database.url() + " is migrated" + System.lineSeparator());
        int applied = historyRows();
        assertThat(applied).isGreaterThanOrEqualTo(8);

        assertThat(migrate(database.url())).as(cli.err()).isZero();
        assertThat(historyRows()).isEqualTo(applied);
    }

    @Test
    void shouldLetAWriterLoginStartOnASchemaTheOwnerMigratedWithoutBeingAbleToChangeIt() {
        superuser.useHandle(handle -> handle.execute("CREATE ROLE " + writerLogin + " LOGIN IN ROLE sync_ledger_writer"));
        assertThat(migrate(database.url())).as(cli.err()).isZero();

        assertThat(migrate(writerUrl())).as("what run does at start, as the writer: " + cli.err()).isZero();

        Jdbi writer = Jdbi.create(writerUrl());
        writer.useHandle(handle -> handle.execute("INSERT INTO " + database.schema() + ".workspaces (workspace_id) VALUES (gen_random_uuid())"));
        assertThatThrownBy(() -> writer.useHandle(handle -> handle.execute("DROP TABLE " + database.schema() + ".workspaces")))
                .hasMessageContaining("must be owner of table workspaces");
    }

    @Test
    void shouldSayInOneLineWhenTheLoginMayNotCreateTheSchema() {
        superuser.useHandle(handle -> handle.execute("CREATE ROLE " + writerLogin + " LOGIN IN ROLE sync_ledger_writer"));

        assertThat(migrate(writerUrl())).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);

        assertThat(cli.err().lines()).singleElement().asString()
                .startsWith("sync-ledger: cannot migrate schema " + database.schema() + " of PostgreSQL at " + writerUrl())
                .contains("permission denied");
    }

    private String writerUrl() {
        return database.url().replace("user=postgres", "user=" + writerLogin);
    }

    private int migrate(String url) {
        cli.clear();
        return cli.run("migrate", "--database-url", url, "--schema", database.schema());
    }

    private int historyRows() {
        return superuser.withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + database.schema() + ".flyway_schema_history")
                .mapTo(Integer.class).one());
    }
}

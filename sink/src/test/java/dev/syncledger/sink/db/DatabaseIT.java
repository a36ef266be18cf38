package dev.syncledger.sink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.text.Redaction;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    /**
     * A statement prepared while documents was empty, run past the point where PostgreSQL switches to a cached
     * generic plan, must still look documents up by index once the table is large: with the generic plan it
     * hash-joined a sequential scan of the whole table, 190 ms a batch in the end-to-end stage.
     */
    @Test
    void shouldPlanEachExecutionSoAPlanMadeOnAnEmptyTableIsNotKeptOnceItIsLarge() {
        String plan = POSTGRES.jdbi().withHandle(handle -> {
            handle.execute("ANALYZE documents"); // as autovacuum does while the table is small
            handle.execute("PREPARE known (uuid[]) AS SELECT existing.pk FROM documents existing"
                    + " JOIN unnest($1) AS wanted (document_id) USING (document_id)");
            for (int i = 0; i < 8; i++) {
                handle.execute("INSERT INTO documents (document_id) SELECT gen_random_uuid() FROM generate_series(1, 400)");
                handle.execute("EXECUTE known ('" + randomIds(400) + "')");
            }
            handle.execute("INSERT INTO documents (document_id) SELECT gen_random_uuid() FROM generate_series(1, 100000)");
            String explained = String.join("\n", handle.createQuery("EXPLAIN EXECUTE known ('" + randomIds(20) + "')")
                    .mapTo(String.class).list());
            handle.execute("DEALLOCATE known");
            return explained;
        });

        assertThat(plan).contains("documents_document_id_key").doesNotContain("Seq Scan on documents");
    }

    @Test
    void shouldFailFastNamingTheUrlAndTheFixWhenPostgresIsNotListening() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/postgres?user=postgres&password=s3cret&connectTimeout=2";

        assertThatThrownBy(() -> Database.connect(url, "sync_ledger"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:")
                .hasMessageEndingWith("; is it running? set --database-url or SYNC_LEDGER_DATABASE_URL")
                .hasMessageContaining("password=[hidden]")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldSayWhenTheDatabaseDoesNotExist() {
        String missing = TestPostgres.url().replace("/postgres?", "/no_such_database_here?");
        assertThatThrownBy(() -> Database.connect(missing, "sync_ledger"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("PostgreSQL at " + missing + " has no such database: ")
                .hasMessageEndingWith("; set --database-url or SYNC_LEDGER_DATABASE_URL");
    }

    @Test
    void shouldRejectAUrlThatIsNotForPostgres() {
        assertThatThrownBy(() -> Database.connect("jdbc:mysql://localhost/db?password=s3cret", "sync_ledger"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a PostgreSQL JDBC URL: jdbc:mysql://localhost/db?password=[hidden]; "
                        + "expected jdbc:postgresql://host:5432/database?user=name, set --database-url or SYNC_LEDGER_DATABASE_URL");
    }

    @Test
    void shouldRejectASchemaNameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> Database.connect(Database.DEFAULT_URL, "sync_ledger; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a usable schema name: 'sync_ledger; DROP TABLE x'");
    }

    @Test
    void shouldNeverShowAPassword() {
        assertThat(Redaction.url("jdbc:postgresql://db:5432/app?user=me&password=p%40ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=me&password=[hidden]&ssl=true");
        assertThat(Redaction.url("jdbc:postgresql://me:p4ss@db:5432/app")).isEqualTo("jdbc:postgresql://[hidden]@db:5432/app");
        assertThat(Redaction.url(Database.DEFAULT_URL)).isEqualTo(Database.DEFAULT_URL);
    }

    /** An array literal of fresh ids: {@code {id,id,...}}. */
    private static String randomIds(int count) {
        return Stream.generate(UUID::randomUUID).limit(count).map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** A port nothing listens on: bound, then released. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.syncledger.sink.db;

import dev.syncledger.schemas.text.Redaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.sink.fixtures.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DatabaseIT {

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

    /** A port nothing listens on: bound, then released. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.syncledger.sink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.sink.fixtures.TestPostgres;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Array parameters reach PostgreSQL as the values they were, sent in binary or, when the URL says so, as text. */
class BinaryArrayIT {

    private static final String TEXT_ONLY = "&binaryTransferEnable=&binaryTransfer=false";
    private static Database binary;
    private static Database text;

    @BeforeAll
    static void connect() {
        binary = Database.connect(TestPostgres.url(), "public");
        text = Database.connect(TestPostgres.url() + TEXT_ONLY, "public");
    }

    @AfterAll
    static void close() {
        binary.close();
        text.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldSendUuidsWithNullsInOrder(boolean inBinary) {
        UUID[] ids = {UUID.randomUUID(), null, new UUID(0, 0), new UUID(-1, -1), UUID.randomUUID()};

        List<String> stored = database(inBinary).jdbi().withHandle(handle -> handle
                .createQuery("SELECT CAST(id AS text) FROM unnest(CAST(:ids AS uuid[])) WITH ORDINALITY AS t (id, n) ORDER BY n")
                .bind("ids", ids)
                .mapTo(String.class)
                .list());

        assertThat(stored).containsExactly(Arrays.stream(ids).map(id -> id == null ? null : id.toString()).toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldSendTimestampsToTheMicrosecondOnBothSidesOfPostgresEpoch(boolean inBinary) {
        Instant[] instants = {
                Instant.parse("2026-12-07T11:23:45.123456Z"),
                null,
                Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1999-12-31T23:59:59.999999Z"),
                Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("1900-06-30T12:00:00.000001Z")};

        List<Long> micros = database(inBinary).jdbi().withHandle(handle -> handle
                .createQuery("""
                        SELECT CAST(EXTRACT(EPOCH FROM at) * 1000000 AS bigint)
                        FROM unnest(CAST(:at AS timestamptz[])) WITH ORDINALITY AS t (at, n) ORDER BY n
                        """)
                .bind("at", instants)
                .mapTo(Long.class)
                .list());

        assertThat(micros).containsExactly(Arrays.stream(instants)
                .map(at -> at == null ? null : at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000)
                .toArray(Long[]::new));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldSendTextsAsTheyWere(boolean inBinary) {
        String[] texts = {"plain", null, "", "NULL", "quote \" and backslash \\ and {braces}, commas", "é 漢字 🙂", "  spaced  "};

        List<String> stored = database(inBinary).jdbi().withHandle(handle -> handle
                .createQuery("SELECT t FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS u (t, n) ORDER BY n")
                .bind("texts", texts)
                .mapTo(String.class)
                .list());

        assertThat(stored).containsExactly(texts);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldSendNumbersWithNulls(boolean inBinary) {
        Long[] longs = {Long.MIN_VALUE, null, 0L, Long.MAX_VALUE};
        Integer[] integers = {Integer.MIN_VALUE, null, -1, Integer.MAX_VALUE};

        List<String> stored = database(inBinary).jdbi().withHandle(handle -> handle
                .createQuery("""
                        SELECT concat_ws('/', l, i)
                        FROM unnest(CAST(:longs AS bigint[]), CAST(:integers AS integer[])) WITH ORDINALITY AS u (l, i, n) ORDER BY n
                        """)
                .bind("longs", longs)
                .bind("integers", integers)
                .mapTo(String.class)
                .list());

        assertThat(stored).containsExactly(Long.MIN_VALUE + "/" + Integer.MIN_VALUE, "", "0/-1", Long.MAX_VALUE + "/" + Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldSendEmptyArrays(boolean inBinary) {
        Integer lengths = database(inBinary).jdbi().withHandle(handle -> handle
                .createQuery("""
                        SELECT cardinality(CAST(:ids AS uuid[])) + cardinality(CAST(:at AS timestamptz[]))
                             + cardinality(CAST(:texts AS text[])) + cardinality(CAST(:longs AS bigint[]))
                        """)
                .bind("ids", new UUID[0])
                .bind("at", new Instant[0])
                .bind("texts", new String[0])
                .bind("longs", new Long[0])
                .mapTo(Integer.class)
                .one());

        assertThat(lengths).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldHaveAnInstantPostgresCannotHoldRefusedAsData(boolean inBinary) {
        Instant[] beyond = {Instant.MAX};

        assertThatThrownBy(() -> database(inBinary).jdbi().withHandle(handle -> handle
                .createQuery("SELECT cardinality(CAST(:at AS timestamptz[]))")
                .bind("at", beyond)
                .mapTo(Integer.class)
                .one()))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .satisfies(e -> assertThat(SqlFailure.of(e)).isEqualTo(SqlFailure.REFUSED_DATA));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldRoundSubMicrosecondsAsPostgresRoundsText(boolean inBinary) {
        Instant[] instants = {Instant.parse("2026-12-07T11:23:45.000000499Z"), Instant.parse("2026-12-07T11:23:59.999999500Z")};

        List<Instant> stored = database(inBinary).jdbi().withHandle(handle -> handle
                .createQuery("SELECT at FROM unnest(CAST(:at AS timestamptz[])) WITH ORDINALITY AS t (at, n) ORDER BY n")
                .bind("at", instants)
                .mapTo(Instant.class)
                .list());

        assertThat(stored).containsExactly(Instant.parse("2026-12-07T11:23:45Z"), Instant.parse("2026-12-07T11:24:00Z"));
    }

    private static Database database(boolean inBinary) {
        return inBinary ? binary : text;
    }
}

package dev.syncledger.sink.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which SQLStates redo a transaction, which set a row aside, and which stop the sink at once. */
class SqlFailureTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "40001, TRANSACTION_CONFLICT, true",  // serialization failure
            "40P01, TRANSACTION_CONFLICT, true",  // deadlock
            "08006, UNAVAILABLE, true",           // connection failure
            "57P01, UNAVAILABLE, true",           // administrator shutdown
            "53300, UNAVAILABLE, true",           // too many connections
            "57014, TIMED_OUT, true",             // statement timeout, or a cancel
            "55P03, TIMED_OUT, true",             // lock timeout
            "22001, REFUSED_DATA, false",         // value too long
            "23503, REFUSED_DATA, false",         // foreign key violation
            "42P01, OTHER, false",                // undefined table: a broken installation
            "57P04, OTHER, false"})               // database dropped
    void shouldClassifyEachStateAndSayWhetherARetryCanHelp(String state, SqlFailure expected, boolean retriable) {
        assertThat(SqlFailure.ofState(state)).isEqualTo(expected);
        assertThat(SqlFailure.ofState(state).isRetriable()).isEqualTo(retriable);
    }
}

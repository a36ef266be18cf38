package dev.syncledger.sink.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.sink.fixtures.PostgresSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** rejected_events stays bounded: rows older than the retention go, in batches, and younger ones stay. */
class RejectedEventsRetentionIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Test
    void forgetsEveryRejectionOlderThanTheRetentionAcrossSeveralBatchesAndKeepsTheYoungerOnes() {
        Instant now = Instant.now();
        int old = RejectedEventsRetention.BATCH + 5;
        POSTGRES.jdbi().useHandle(handle -> handle.createUpdate("""
                INSERT INTO rejected_events (reason, message, source_topic, source_partition, source_offset, rejected_at, kafka_cluster_id)
                SELECT 'malformed', 'x', 'connector-sync.sync-runs', 0, i,
                       CASE WHEN i < :old THEN CAST(:now AS timestamptz) - interval '31 days' ELSE CAST(:now AS timestamptz) - interval '29 days' END,
                       'test-cluster'
                FROM generate_series(0, :old + 2) AS i
                """).bind("old", old).bind("now", now).execute());

        try (RejectedEventsRetention retention = RejectedEventsRetention.start(POSTGRES.database(), Duration.ofDays(30))) {
            assertThat(retention.pass()).isEqualTo(old);
            assertThat(retention.pass()).as("nothing left to forget").isZero();
        }
        List<Long> left = POSTGRES.jdbi().withHandle(h -> h.createQuery("SELECT source_offset FROM rejected_events ORDER BY source_offset")
                .mapTo(Long.class).list());
        assertThat(left).containsExactly((long) old, old + 1L, old + 2L);
    }
}

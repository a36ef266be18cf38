package dev.syncledger.sink.write;

import dev.syncledger.sink.db.ConsumerScope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one batch of 100,000 sync logs and reports the rate; the rate is printed, never asserted. */
class SinkWriterThroughputIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final Logger LOG = LoggerFactory.getLogger(SinkWriterThroughputIT.class);
    private static final int ROWS = 100_000;
    private static final int WORKSPACES = 100;
    private static final int CONNECTORS_PER_WORKSPACE = 10;

    private final List<SinkRecords> connectors = new ArrayList<>();
    private final SinkRecords topic = new SinkRecords();

    @Test
    void shouldWriteOneHundredThousandRowsInOneBatch() {
        for (int i = 0; i < WORKSPACES * CONNECTORS_PER_WORKSPACE; i++) {
            connectors.add(new SinkRecords());
        }
        SinkWriter writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "throughput-test"));
        // The same code on a cold JVM would measure the JIT compiler more than the writer.
        writer.write(batchOfNewRuns(ROWS / 5));
        SinkBatch batch = batchOfNewRuns(ROWS);

        long start = System.nanoTime();
        WriteResult result = writer.write(batch);
        long elapsedNanos = System.nanoTime() - start;

        assertThat(result.rowsWritten()).isEqualTo(ROWS);
        assertThat(POSTGRES.jdbi().onDemand(StoredRows.class).syncLogCount()).isEqualTo(ROWS + ROWS / 5);
        assertThat(writer.committedOffsets()).containsEntry(new TopicPartition(SinkRecords.STATE_TOPIC, 0), (long) ROWS + ROWS / 5);
        double seconds = elapsedNanos / 1e9;
        LOG.info("Wrote {} sync log rows ({} workspaces, {} connectors) in one batch transaction in {} ms: {} rows/s",
                ROWS, WORKSPACES, connectors.size(), Math.round(seconds * 1000), Math.round(ROWS / seconds));
    }

    private SinkBatch batchOfNewRuns(int rows) {
        List<ConsumerRecord<byte[], byte[]>> batchRecords = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            SinkRecords connector = connectors.get(i % connectors.size());
            UUID workspaceId = connectors.get(i % WORKSPACES).workspaceId;
            batchRecords.add(topic.state(connector.succeeded(UUID.randomUUID(), 3)
                    .setWorkspaceId(workspaceId)
                    .setStatus(i % 10 == 0 ? ConnectorSyncStatus.in_progress : ConnectorSyncStatus.success)
                    .setMetadata("{\"records_synced\": " + i + ", \"pages_fetched\": 4, \"connector_slug\": \"pennylane\"}")));
        }
        return topic.batch(batchRecords);
    }
}

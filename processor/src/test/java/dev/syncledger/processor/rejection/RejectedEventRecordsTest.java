package dev.syncledger.processor.rejection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.schemas.rejected.RejectedEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RejectedEventRecordsTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    @Test
    void shouldBoundEveryFieldWhateverTheRecord() {
        byte[] value = new byte[900_000];
        String key = "k".repeat(1_000_000);
        EventOrigin origin = new EventOrigin("connector-sync.sync-runs", 2, 41, 7, key, RawValue.of(value));
        Rejection rejection = new Rejection(RejectionReason.MALFORMED, "record key '" + key + "' must equal\nsync_log_id", UUID.randomUUID(),
                origin);

        RejectedEvent record = RejectedEventRecords.toAvro(rejection, NOW);

        assertThat(record.getRecordKey()).hasSizeLessThanOrEqualTo(EventOrigin.MAX_KEY_CHARS);
        assertThat(record.getMessage()).hasSizeLessThanOrEqualTo(1_000).doesNotContain("\n");
        assertThat(record.getPayload().remaining()).isEqualTo(RawValue.MAX_KEPT_BYTES);
        assertThat(record.getPayloadSize()).isEqualTo(900_000);
        assertThat(record.getPayloadTruncated()).isTrue();
        assertThat(record.getPayloadSha256()).hasSize(64);
        assertThat(record.getSourcePartition()).isEqualTo(2);
        assertThat(record.getSourceOffset()).isEqualTo(41);
        assertThat(record.getWorkspaceId()).as("decided by who publishes it").isNull();
    }

    @Test
    void shouldCarryTheClaimedWorkspaceAsItsUuidText() {
        UUID workspace = UUID.fromString("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90");
        EventOrigin origin = new EventOrigin("connector-sync.sync-runs", 0, 3, 7, "key", RawValue.of(new byte[] {1}));

        RejectedEvent record = RejectedEventRecords.toAvro(
                new Rejection(RejectionReason.MISSING_ERROR, "no error", null, origin).withWorkspace(workspace), NOW);

        assertThat(record.getWorkspaceId()).isEqualTo("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90");
    }

    @Test
    void shouldCarryNoPayloadForAnEventRejectedByPosition() {
        EventOrigin position = new EventOrigin("connector-sync.sync-runs", 0, 3, 7, "key", null);

        RejectedEvent record = RejectedEventRecords.toAvro(new Rejection(RejectionReason.NEGATIVE_DURATION, "displaced", null, position), NOW);

        assertThat(record.getPayload()).isNull();
        assertThat(record.getPayloadSize()).isNull();
        assertThat(record.getPayloadTruncated()).isFalse();
    }
}

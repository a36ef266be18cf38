package dev.syncledger.sink.write;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.db.SyncLogRow;
import dev.syncledger.sink.write.SinkChange.Rejection;
import dev.syncledger.sink.write.SinkChange.SyncLogDeletion;
import dev.syncledger.sink.write.SinkChange.SyncLogUpsert;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the records of the topics the sink reads into changes. A record it cannot decode becomes a
 * rejection with reason {@value #UNDECODABLE} instead of stopping the sink.
 */
public final class SinkRecordReader {

    public static final String UNDECODABLE = "sink_undecodable";

    /** Every topic the sink consumes. */
    public static final List<String> TOPICS = List.of(Topics.SYNC_LOG_STATE.name(), Topics.REJECTED.name());

    private static final Logger LOG = LoggerFactory.getLogger(SinkRecordReader.class);

    private final AvroCodec<WorkspaceConnectorSyncLog> syncLogCodec;
    private final AvroCodec<RejectedEvent> rejectedCodec;

    public SinkRecordReader(SerdeConfig serde) {
        this.syncLogCodec = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), serde);
        this.rejectedCodec = AvroCodec.create(RejectedEvent.getClassSchema(), serde);
    }

    SinkChange read(ConsumerRecord<byte[], byte[]> record) {
        RecordOrigin origin = RecordOrigin.of(record);
        String topic = record.topic();
        if (topic.equals(Topics.SYNC_LOG_STATE.name())) {
            return readSyncLog(record, origin);
        }
        if (topic.equals(Topics.REJECTED.name())) {
            return readRejected(record, origin);
        }
        throw new IllegalArgumentException("the sink does not read topic " + topic);
    }

    private SinkChange readSyncLog(ConsumerRecord<byte[], byte[]> record, RecordOrigin origin) {
        if (record.value() == null) {
            return readTombstone(origin);
        }
        try {
            return new SyncLogUpsert(syncLogRow(syncLogCodec.decode(record.topic(), record.value())), origin);
        } catch (UndecodableRecordException e) {
            return undecodable(origin, "cannot decode a WorkspaceConnectorSyncLog: " + e.getMessage());
        }
    }

    private static SinkChange readTombstone(RecordOrigin origin) {
        try {
            if (origin.key() != null) {
                return new SyncLogDeletion(UUID.fromString(origin.key()), origin);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the rejection below
        }
        return undecodable(origin, "a tombstone whose key is not a sync log id: " + origin.key());
    }

    private SinkChange readRejected(ConsumerRecord<byte[], byte[]> record, RecordOrigin origin) {
        try {
            return new Rejection(rejectedRow(rejectedCodec.decode(record.topic(), record.value())));
        } catch (UndecodableRecordException e) {
            return undecodable(origin, "cannot decode a RejectedEvent: " + e.getMessage());
        }
    }

    private static Rejection undecodable(RecordOrigin origin, String why) {
        String message = oneLine(why);
        LOG.warn("Record {} is written to rejected_events as {}: {}", origin, UNDECODABLE, message);
        return new Rejection(origin.rejection(UNDECODABLE, message));
    }

    static SyncLogRow syncLogRow(WorkspaceConnectorSyncLog log) {
        return new SyncLogRow(
                log.getWorkspaceConnectorSyncLogId(),
                log.getWorkspaceId(),
                log.getWorkspaceConnectorId(),
                log.getStatus().name(),
                log.getTriggerType() == null ? null : log.getTriggerType().name(),
                log.getCloudTaskId(),
                log.getStartedAt(),
                log.getCompletedAt(),
                log.getDurationMs(),
                log.getError(),
                log.getMetadata(),
                log.getCreatedAt(),
                log.getUpdatedAt(),
                log.getDeletedAt(),
                log.getRevision());
    }

    private static RejectedEventRow rejectedRow(RejectedEvent event) {
        return new RejectedEventRow(
                event.getEventId(),
                event.getReason(),
                event.getMessage(),
                event.getSourceTopic(),
                event.getSourcePartition(),
                event.getSourceOffset(),
                event.getRecordKey(),
                bytes(event.getPayload()),
                event.getRejectedAt());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}

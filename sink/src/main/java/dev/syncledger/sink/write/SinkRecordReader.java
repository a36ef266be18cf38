package dev.syncledger.sink.write;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.table.StateTable;
import dev.syncledger.sink.table.StateTables;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Knows the topics the sink reads: every state topic through its {@link StateTable}, and the
 * rejected topic. A record it cannot decode becomes a rejection with reason {@value SinkRefusals#UNDECODABLE}
 * instead of stopping the sink.
 */
public final class SinkRecordReader {


    /** Every topic the sink consumes: the state topics, the alerts and the rejected topic. */
    public static final List<String> TOPICS = Stream.concat(Topics.TABLES.stream(), Stream.of(Topics.REJECTED))
            .map(TopicSpec::name)
            .toList();


    private final List<StateTable<?, ?>> tables;
    private final AvroCodec<RejectedEvent> rejectedCodec;

    public SinkRecordReader(SerdeConfig serde) {
        this.tables = StateTables.all(serde);
        this.rejectedCodec = AvroCodec.create(RejectedEvent.getClassSchema(), serde);
    }

    /** An empty accumulator per state table, by topic, in the order a batch writes them. */
    Map<String, TableBatch.Builder<?, ?>> tableBuilders() {
        Map<String, TableBatch.Builder<?, ?>> builders = new LinkedHashMap<>();
        tables.forEach(table -> builders.put(table.topic(), TableBatch.builder(table)));
        return builders;
    }

    boolean isRejectedTopic(String topic) {
        return topic.equals(Topics.REJECTED.name());
    }

    RejectedEventRow readRejected(RecordOrigin origin) {
        try {
            return rejectedRow(rejectedCodec.decode(origin.topic(), origin.value()));
        } catch (UndecodableRecordException e) {
            return SinkRefusals.undecodable(origin, "cannot decode a RejectedEvent: " + e.getMessage());
        }
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
                event.getPayloadSize(),
                event.getPayloadSha256(),
                event.getPayloadTruncated(),
                event.getRejectedAt(),
                claimedWorkspace(event.getWorkspaceId()));
    }

    /**
     * The processor only ever writes a UUID here. Anything else (another publisher on the topic) names no workspace
     * rather than refusing the whole rejection: counted for nobody is the safe side of a claim.
     */
    static UUID claimedWorkspace(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
}

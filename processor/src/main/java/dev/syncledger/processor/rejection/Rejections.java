package dev.syncledger.processor.rejection;

import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka-side helpers every entity processor shares: where a record came from, and publishing a rejection. */
public final class Rejections {

    /** The child node every entity processor forwards its rejections to. */
    public static final String SINK_NODE = "rejected-events";

    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

    private Rejections() {}

    public static EventOrigin originOf(ProcessorContext<?, ?> context, Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown");
        int partition = context.recordMetadata().map(m -> m.partition()).orElse(-1);
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
        return new EventOrigin(topic, partition, offset, keyOf(record), record.value());
    }

    public static String keyOf(Record<byte[], ?> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** Publishes the rejection to the rejected-events topic; logged at DEBUG only, it is the topic operators read. */
    public static void publish(ProcessorContext<String, ? super RejectedEvent> context, Rejection rejection, long timestamp) {
        LOG.debug("rejected {} as {}: {}", rejection.origin(), rejection.reason().code(), rejection.message());
        RejectedEvent value = RejectedEventRecords.toAvro(rejection, now(context));
        context.forward(new Record<>(rejection.origin().key(), value, timestamp), SINK_NODE);
    }

    /**
     * The event the record holds, or empty once the record's rejection is published: {@code malformed}
     * when its bytes or fields are unusable, {@code unknown_enum_value} when a value is newer than this version.
     */
    public static <E> Optional<E> readOrReject(ProcessorContext<String, ? super RejectedEvent> context, EventOrigin origin,
                                               long timestamp, EventRead<E> read) {
        try {
            return Optional.of(read.read(origin));
        } catch (UndecodableRecordException e) {
            publish(context, new Rejection(RejectionReason.MALFORMED, e.getMessage(), null, origin), timestamp);
        } catch (MalformedEventException e) {
            publish(context, new Rejection(RejectionReason.MALFORMED, e.getMessage(), e.eventId(), origin), timestamp);
        } catch (UnknownEnumValueException e) {
            publish(context, new Rejection(RejectionReason.UNKNOWN_ENUM_VALUE, e.getMessage(), e.eventId(), origin), timestamp);
        }
        return Optional.empty();
    }

    public static Instant now(ProcessorContext<?, ?> context) {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}

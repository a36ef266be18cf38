package dev.syncledger.processor.rejection;

import dev.syncledger.schemas.rejected.RejectedEvent;
import java.nio.ByteBuffer;
import java.time.Instant;

/** The published form of a rejection on the rejected-events topic. */
public final class RejectedEventRecords {

    private RejectedEventRecords() {}

    public static RejectedEvent toAvro(Rejection rejection, Instant rejectedAt) {
        EventOrigin origin = rejection.origin();
        return RejectedEvent.newBuilder()
                .setSourceTopic(origin.topic())
                .setSourcePartition(origin.partition())
                .setSourceOffset(origin.offset())
                .setEventId(rejection.eventId() == null ? null : rejection.eventId().toString())
                .setReason(rejection.reason().code())
                .setMessage(oneLine(rejection.message()))
                .setRecordKey(origin.key())
                .setPayload(origin.value() == null ? null : ByteBuffer.wrap(origin.value()))
                .setRejectedAt(rejectedAt)
                .build();
    }

    private static String oneLine(String message) {
        return message.replaceAll("[\\r\\n]+", " ");
    }
}

package dev.syncledger.processor.rejection;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.text.OneLine;
import java.nio.ByteBuffer;
import java.time.Instant;

/** The published form of a rejection on the rejected-events topic: bounded whatever the event was. */
public final class RejectedEventRecords {

    private RejectedEventRecords() {}

    public static RejectedEvent toAvro(Rejection rejection, Instant rejectedAt) {
        EventOrigin origin = rejection.origin();
        RawValue value = origin.value();
        return RejectedEvent.newBuilder()
                .setSourceTopic(origin.topic())
                .setSourcePartition(origin.partition())
                .setSourceOffset(origin.offset())
                .setEventId(rejection.eventId() == null ? null : rejection.eventId().toString())
                .setReason(rejection.reason().code())
                .setMessage(OneLine.of(rejection.message()))
                .setRecordKey(origin.key())
                .setPayload(value == null ? null : ByteBuffer.wrap(value.kept()))
                .setPayloadSize(value == null ? null : value.size())
                .setPayloadSha256(value == null ? null : value.sha256())
                .setPayloadTruncated(value != null && value.truncated())
                .setRejectedAt(rejectedAt)
                .setWorkspaceId(rejection.workspaceId() == null ? null : rejection.workspaceId().toString())
                .build();
    }
}

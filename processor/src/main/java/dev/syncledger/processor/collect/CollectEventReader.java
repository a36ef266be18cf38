package dev.syncledger.processor.collect;

import static dev.syncledger.processor.rejection.FieldChecks.checkText;
import static dev.syncledger.processor.rejection.FieldChecks.checkTime;

import dev.syncledger.processor.limits.FieldLimits;
import dev.syncledger.processor.rejection.FieldChecks;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.schemas.collect.CollectDeleted;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.collect.CollectStatusChanged;
import java.util.UUID;

/**
 * Turns a decoded Avro collect event into the fold's {@link CollectChange}, or says why it cannot be
 * one: malformed, or a status outside collect_status_enum. The Avro status is a plain string so that
 * a new status from a producer is rejected with its own reason instead of being undecodable.
 */
public final class CollectEventReader {

    public CollectChange read(String recordKey, CollectEvent avro) throws MalformedEventException, UnknownCollectStatusException {
        UUID eventId = avro.getEventId();
        if (eventId == null || avro.getOccurredAt() == null || avro.getWorkspaceId() == null
                || avro.getCollectId() == null || avro.getPayload() == null) {
            throw new MalformedEventException("a required field is missing", eventId);
        }
        FieldChecks.checkKey(recordKey, avro.getCollectId(), "collect_id", eventId);
        checkTime("occurred_at", avro.getOccurredAt(), eventId);
        Object payload = avro.getPayload();
        if (payload instanceof CollectStatusChanged changed) {
            return statusChange(avro, changed);
        }
        if (payload instanceof CollectDeleted) {
            return new CollectChange(eventId, avro.getOccurredAt(), avro.getWorkspaceId(), avro.getWorkspaceConnectorId(),
                    avro.getCollectId(), CollectEventKind.DELETED, null, null, null, null, null, null, null);
        }
        throw new MalformedEventException("unknown payload type " + payload.getClass().getSimpleName(), eventId);
    }

    private static CollectChange statusChange(CollectEvent avro, CollectStatusChanged changed)
            throws MalformedEventException, UnknownCollectStatusException {
        UUID eventId = avro.getEventId();
        if (changed.getStatus() == null) {
            throw new MalformedEventException("collect.status_changed needs a status", eventId);
        }
        if (changed.getPeopleId() == null) {
            throw new MalformedEventException("collect.status_changed needs people_id: every collect enriches one person", eventId);
        }
        checkText("provider", changed.getProvider(), eventId);
        checkText("error", changed.getError(), eventId);
        checkTime("started_at", changed.getStartedAt(), eventId);
        checkTime("ended_at", changed.getEndedAt(), eventId);
        CollectStatus status = CollectStatus.fromCode(changed.getStatus())
                .orElseThrow(() -> new UnknownCollectStatusException(changed.getStatus(), eventId));
        return new CollectChange(eventId, avro.getOccurredAt(), avro.getWorkspaceId(), avro.getWorkspaceConnectorId(),
                avro.getCollectId(), CollectEventKind.STATUS_CHANGED, status, changed.getPeopleId(), changed.getProvider(),
                changed.getTaskId(), changed.getStartedAt(), changed.getEndedAt(), FieldLimits.boundLongText(changed.getError()));
    }
}

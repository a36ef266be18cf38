package dev.syncledger.processor.synclog;

import static dev.syncledger.processor.rejection.FieldChecks.checkText;
import static dev.syncledger.processor.rejection.FieldChecks.checkTime;

import dev.syncledger.processor.limits.FieldLimits;
import dev.syncledger.processor.rejection.CheckedMetadata;
import dev.syncledger.processor.rejection.FieldChecks;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.schemas.syncrun.SyncDeleted;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncScheduled;
import dev.syncledger.schemas.syncrun.SyncStarted;
import dev.syncledger.schemas.syncrun.SyncSucceeded;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns a decoded Avro sync-run event into the fold's {@link SyncLogEvent}, or says why it is malformed. It
 * bounds the event on the way ({@link FieldLimits}): the error and metadata it returns, and writes back into
 * the Avro record, are those the processor keeps.
 */
public final class SyncRunEventReader {

    public SyncLogEvent read(String recordKey, SyncRunEvent avro) throws MalformedEventException {
        UUID eventId = avro.getEventId();
        if (eventId == null || avro.getOccurredAt() == null || avro.getWorkspaceId() == null
                || avro.getWorkspaceConnectorId() == null || avro.getSyncLogId() == null || avro.getPayload() == null) {
            throw new MalformedEventException("a required field is missing", eventId);
        }
        FieldChecks.checkKey(recordKey, avro.getSyncLogId(), "sync_log_id", eventId);
        checkTime("occurred_at", avro.getOccurredAt(), eventId);
        Object payload = avro.getPayload();
        if (payload instanceof SyncScheduled scheduled) {
            return event(avro, SyncLogEventKind.SCHEDULED, null, scheduled.getTriggerType(), text("cloud_task_id", scheduled.getCloudTaskId(), eventId), null, null);
        }
        if (payload instanceof SyncStarted started) {
            return event(avro, SyncLogEventKind.STARTED, time("started_at", started.getStartedAt(), avro),
                    started.getTriggerType(), text("cloud_task_id", started.getCloudTaskId(), eventId), null, null);
        }
        if (payload instanceof SyncSucceeded succeeded) {
            succeeded.setMetadata(metadata(succeeded.getMetadata(), eventId));
            return event(avro, SyncLogEventKind.SUCCEEDED, time("completed_at", succeeded.getCompletedAt(), avro),
                    null, null, null, succeeded.getMetadata());
        }
        if (payload instanceof SyncFailed failed) {
            failed.setMetadata(metadata(failed.getMetadata(), eventId));
            failed.setError(FieldLimits.boundLongText(text("error", failed.getError(), eventId)));
            return event(avro, SyncLogEventKind.FAILED, time("completed_at", failed.getCompletedAt(), avro),
                    null, null, failed.getError(), failed.getMetadata());
        }
        if (payload instanceof SyncDeleted) {
            return event(avro, SyncLogEventKind.DELETED, null, null, null, null, null);
        }
        throw new MalformedEventException("unknown payload type " + payload.getClass().getSimpleName(), eventId);
    }

    private static String metadata(String metadata, UUID eventId) throws MalformedEventException {
        CheckedMetadata checked = CheckedMetadata.read("metadata", metadata, eventId);
        return checked == null ? null : checked.json();
    }

    private static Instant time(String field, Instant value, SyncRunEvent avro) throws MalformedEventException {
        checkTime(field, value, avro.getEventId());
        return value != null ? value : avro.getOccurredAt();
    }

    private static String text(String field, String value, UUID eventId) throws MalformedEventException {
        checkText(field, value, eventId);
        return value;
    }

    private static SyncLogEvent event(SyncRunEvent avro, SyncLogEventKind kind, Instant at,
                                      dev.syncledger.schemas.TriggerType triggerType, String cloudTaskId, String error, String metadata) {
        return new SyncLogEvent(avro.getEventId(), avro.getOccurredAt(), avro.getWorkspaceId(), avro.getWorkspaceConnectorId(),
                avro.getSyncLogId(), kind, at, triggerType, cloudTaskId, error, metadata);
    }
}

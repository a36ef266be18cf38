package dev.syncledger.processor.synclog;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.syncrun.SyncDeleted;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncScheduled;
import dev.syncledger.schemas.syncrun.SyncStarted;
import dev.syncledger.schemas.syncrun.SyncSucceeded;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test events with sensible defaults: one run of one connector, times in seconds after {@link #T0}. */
final class SyncRunEvents {

    static final Instant T0 = Instant.parse("2026-06-02T08:14:00Z");
    static final UUID WORKSPACE = UUID.fromString("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90");
    static final UUID CONNECTOR = UUID.fromString("a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512");
    static final UUID RUN = UUID.fromString("f3a1bc44-902c-4f8d-b7e2-0d9e5a2c1340");

    private static final AtomicLong IDS = new AtomicLong();

    private final SyncLogEventKind kind;
    private UUID eventId = UUID.nameUUIDFromBytes(("event-" + IDS.incrementAndGet()).getBytes());
    private Instant occurredAt = T0;
    private UUID workspace = WORKSPACE;
    private UUID connector = CONNECTOR;
    private UUID run = RUN;
    private Instant time;
    private TriggerType trigger;
    private String cloudTaskId;
    private String error;
    private String metadata;

    private SyncRunEvents(SyncLogEventKind kind) {
        this.kind = kind;
    }

    static SyncRunEvents scheduled() { return new SyncRunEvents(SyncLogEventKind.SCHEDULED); }
    static SyncRunEvents started() { return new SyncRunEvents(SyncLogEventKind.STARTED); }
    static SyncRunEvents succeeded() { return new SyncRunEvents(SyncLogEventKind.SUCCEEDED); }
    static SyncRunEvents failed() { return new SyncRunEvents(SyncLogEventKind.FAILED).error("connector returned HTTP 500"); }
    static SyncRunEvents deleted() { return new SyncRunEvents(SyncLogEventKind.DELETED); }

    static Instant t(long seconds) { return T0.plusSeconds(seconds); }

    SyncRunEvents id(UUID id) { this.eventId = id; return this; }
    SyncRunEvents id(String id) { return id(UUID.fromString(id)); }
    /** occurred_at, in seconds after T0. */
    SyncRunEvents at(long seconds) { this.occurredAt = t(seconds); return this; }
    /** started_at or completed_at, in seconds after T0. */
    SyncRunEvents time(long seconds) { this.time = t(seconds); return this; }
    SyncRunEvents time(Instant instant) { this.time = instant; return this; }
    SyncRunEvents workspace(UUID id) { this.workspace = id; return this; }
    SyncRunEvents connector(UUID id) { this.connector = id; return this; }
    SyncRunEvents run(UUID id) { this.run = id; return this; }
    SyncRunEvents trigger(TriggerType type) { this.trigger = type; return this; }
    SyncRunEvents cloudTask(String id) { this.cloudTaskId = id; return this; }
    SyncRunEvents error(String text) { this.error = text; return this; }
    SyncRunEvents metadata(String json) { this.metadata = json; return this; }

    UUID eventId() { return eventId; }

    SyncRunEvent avro() {
        Object payload = switch (kind) {
            case SCHEDULED -> new SyncScheduled(trigger, cloudTaskId);
            case STARTED -> new SyncStarted(time, trigger, cloudTaskId);
            case SUCCEEDED -> new SyncSucceeded(time, metadata);
            case FAILED -> new SyncFailed(time, error, metadata);
            case DELETED -> new SyncDeleted();
        };
        return new SyncRunEvent(eventId, occurredAt, workspace, connector, run, payload);
    }

    SyncLogEvent domain() {
        try {
            return new SyncRunEventReader().read(run.toString(), avro());
        } catch (MalformedEventException e) {
            throw new AssertionError(e);
        }
    }

    static EventOrigin origin(long offset) {
        return new EventOrigin("connector-sync.sync-runs", 0, offset, -1, RUN.toString(), RawValue.of(new byte[] {(byte) offset}));
    }
}

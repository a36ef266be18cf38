package dev.syncledger.processor.collect;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.collect.CollectDeleted;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.collect.CollectStatusChanged;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test events with sensible defaults: one collect of one person, times in seconds after {@link #T0}. */
final class CollectEvents {

    static final Instant T0 = Instant.parse("2026-06-02T09:14:58Z");
    static final UUID WORKSPACE = UUID.fromString("7e91cd02-0a3b-4f55-8811-fedcba987654");
    static final UUID CONNECTOR = UUID.fromString("a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512");
    static final UUID COLLECT = UUID.fromString("a3f7c2e1-84b0-4d9e-9c12-1e8f7a3b5d22");
    static final UUID PEOPLE = UUID.fromString("d8b1a4f2-11cc-4e77-b933-abc123456789");

    private static final AtomicLong IDS = new AtomicLong();

    private final boolean deleted;
    private UUID eventId = UUID.nameUUIDFromBytes(("collect-event-" + IDS.incrementAndGet()).getBytes());
    private Instant occurredAt = T0;
    private UUID workspace = WORKSPACE;
    private UUID connector;
    private UUID collect = COLLECT;
    private String status;
    private UUID people = PEOPLE;
    private String provider;
    private UUID task;
    private Instant startedAt;
    private Instant endedAt;
    private String error;

    private CollectEvents(String status, boolean deleted) {
        this.status = status;
        this.deleted = deleted;
    }

    static CollectEvents todo() { return new CollectEvents("todo", false); }
    static CollectEvents inProgress() { return new CollectEvents("in_progress", false); }
    static CollectEvents finalized() { return new CollectEvents("finalized", false); }
    static CollectEvents failed() { return new CollectEvents("error", false); }
    static CollectEvents status(String status) { return new CollectEvents(status, false); }
    static CollectEvents deleted() { return new CollectEvents(null, true); }

    static Instant t(long seconds) { return T0.plusSeconds(seconds); }

    CollectEvents id(UUID id) { this.eventId = id; return this; }
    CollectEvents id(String id) { return id(UUID.fromString(id)); }
    /** occurred_at, in seconds after T0. */
    CollectEvents at(long seconds) { this.occurredAt = t(seconds); return this; }
    CollectEvents occurredAt(Instant instant) { this.occurredAt = instant; return this; }
    CollectEvents workspace(UUID id) { this.workspace = id; return this; }
    CollectEvents connector(UUID id) { this.connector = id; return this; }
    /** The default workspace connector. */
    CollectEvents connector() { return connector(CONNECTOR); }
    CollectEvents collect(UUID id) { this.collect = id; return this; }
    CollectEvents people(UUID id) { this.people = id; return this; }
    CollectEvents provider(String slug) { this.provider = slug; return this; }
    CollectEvents task(UUID id) { this.task = id; return this; }
    /** started_at, in seconds after T0. */
    CollectEvents started(long seconds) { this.startedAt = t(seconds); return this; }
    CollectEvents started(Instant instant) { this.startedAt = instant; return this; }
    /** ended_at, in seconds after T0. */
    CollectEvents ended(long seconds) { this.endedAt = t(seconds); return this; }
    CollectEvents ended(Instant instant) { this.endedAt = instant; return this; }
    CollectEvents error(String text) { this.error = text; return this; }

    UUID eventId() { return eventId; }

    CollectEvent avro() {
        Object payload = deleted ? new CollectDeleted()
                : new CollectStatusChanged(status, people, provider, task, startedAt, endedAt, error);
        return new CollectEvent(eventId, occurredAt, workspace, connector, collect, payload);
    }

    CollectChange domain() {
        try {
            return new CollectEventReader().read(collect.toString(), avro());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static EventOrigin origin(long offset) {
        return new EventOrigin(Topics.COLLECTS.name(), 0, offset, -1, COLLECT.toString(), RawValue.of(new byte[] {(byte) offset}));
    }
}

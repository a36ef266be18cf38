package dev.syncledger.processor.diagnostic;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test diagnostics with sensible defaults: one connector's diagnostic, times in seconds after {@link #T0}. */
final class DiagnosticEvents {

    static final Instant T0 = Instant.parse("2026-06-02T08:14:00Z");
    static final UUID WORKSPACE = UUID.fromString("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90");
    static final UUID CONNECTOR = UUID.fromString("a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512");
    static final UUID DIAGNOSTIC = UUID.fromString("a3f7e812-0c2e-4d1b-9b4a-001122334455");

    private static final AtomicLong IDS = new AtomicLong();

    private UUID eventId = UUID.nameUUIDFromBytes(("diagnostic-event-" + IDS.incrementAndGet()).getBytes());
    private Instant occurredAt = T0;
    private UUID workspace = WORKSPACE;
    private UUID connector = CONNECTOR;
    private UUID diagnostic = DIAGNOSTIC;
    private String targetModel = "invoice";
    private String toolName = "pennylane_get_invoices";
    private String reason = "mapped_entities_dropped";
    private Integer httpStatus = 200;
    private String detail = "Validator rejected 12/12 mapped entities: required field 'issue_date' null after JSONata mapping";

    private DiagnosticEvents() {}

    static DiagnosticEvents emitted() { return new DiagnosticEvents(); }

    static Instant t(long seconds) { return T0.plusSeconds(seconds); }

    DiagnosticEvents id(UUID id) { this.eventId = id; return this; }
    DiagnosticEvents id(String id) { return id(UUID.fromString(id)); }
    /** occurred_at, in seconds after T0. */
    DiagnosticEvents at(long seconds) { this.occurredAt = t(seconds); return this; }
    DiagnosticEvents at(Instant instant) { this.occurredAt = instant; return this; }
    DiagnosticEvents workspace(UUID id) { this.workspace = id; return this; }
    DiagnosticEvents connector(UUID id) { this.connector = id; return this; }
    DiagnosticEvents diagnostic(UUID id) { this.diagnostic = id; return this; }
    DiagnosticEvents targetModel(String value) { this.targetModel = value; return this; }
    DiagnosticEvents tool(String value) { this.toolName = value; return this; }
    DiagnosticEvents reason(String value) { this.reason = value; return this; }
    DiagnosticEvents httpStatus(Integer value) { this.httpStatus = value; return this; }
    DiagnosticEvents detail(String value) { this.detail = value; return this; }

    UUID eventId() { return eventId; }

    UUID diagnosticId() { return diagnostic; }

    DiagnosticEvent avro() {
        return new DiagnosticEvent(eventId, occurredAt, workspace, connector, diagnostic, targetModel, toolName, reason, httpStatus, detail);
    }

    DiagnosticEmitted domain() {
        try {
            return new DiagnosticEventReader().read(diagnostic.toString(), avro());
        } catch (MalformedEventException e) {
            throw new AssertionError(e);
        }
    }

    static EventOrigin origin(long offset, UUID diagnostic) {
        return new EventOrigin(Topics.DIAGNOSTICS.name(), 0, offset, -1, diagnostic.toString(),
                RawValue.of(new byte[] {(byte) offset, (byte) (offset >> 8)}));
    }
}

package dev.syncledger.processor.documentlink;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.documentlink.DocumentLinked;
import dev.syncledger.schemas.documentlink.DocumentUnlinked;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test events with sensible defaults: one document's input link to one connector, times in seconds after {@link #T0}. */
final class DocumentLinkEvents {

    static final Instant T0 = Instant.parse("2026-06-02T08:14:00Z");
    static final UUID WORKSPACE = UUID.fromString("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90");
    static final UUID CONNECTOR = UUID.fromString("a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512");
    static final UUID DOCUMENT = UUID.fromString("e3f1a2b4-cc90-4d5e-b8f7-123456789abc");
    static final DocumentLinkKey KEY = new DocumentLinkKey(DOCUMENT, CONNECTOR, LinkDirection.INPUT);

    private static final AtomicLong IDS = new AtomicLong();

    private final LinkEventKind kind;
    private UUID eventId = UUID.nameUUIDFromBytes(("link-event-" + IDS.incrementAndGet()).getBytes());
    private Instant occurredAt = T0;
    private UUID workspace = WORKSPACE;
    private UUID connector = CONNECTOR;
    private UUID document = DOCUMENT;
    private String direction = "input";

    private DocumentLinkEvents(LinkEventKind kind) {
        this.kind = kind;
    }

    static DocumentLinkEvents linked() { return new DocumentLinkEvents(LinkEventKind.LINKED); }
    static DocumentLinkEvents unlinked() { return new DocumentLinkEvents(LinkEventKind.UNLINKED); }

    static Instant t(long seconds) { return T0.plusSeconds(seconds); }

    DocumentLinkEvents id(UUID id) { this.eventId = id; return this; }
    DocumentLinkEvents id(String id) { return id(UUID.fromString(id)); }
    /** occurred_at, in seconds after T0. */
    DocumentLinkEvents at(long seconds) { this.occurredAt = t(seconds); return this; }
    DocumentLinkEvents at(Instant instant) { this.occurredAt = instant; return this; }
    DocumentLinkEvents workspace(UUID id) { this.workspace = id; return this; }
    DocumentLinkEvents connector(UUID id) { this.connector = id; return this; }
    DocumentLinkEvents document(UUID id) { this.document = id; return this; }
    DocumentLinkEvents direction(String value) { this.direction = value; return this; }

    UUID eventId() { return eventId; }

    DocumentLinkEvent avro() {
        Object payload = kind == LinkEventKind.LINKED ? new DocumentLinked() : new DocumentUnlinked();
        return new DocumentLinkEvent(eventId, occurredAt, workspace, connector, document, direction, payload);
    }

    LinkEvent domain() {
        try {
            return new DocumentLinkEventReader().read(document.toString(), avro());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static EventOrigin origin(long offset) {
        return new EventOrigin("connector-sync.document-links", 0, offset, -1, DOCUMENT.toString(), RawValue.of(new byte[] {(byte) offset}));
    }
}

package dev.syncledger.processor.testing;

import dev.syncledger.schemas.collect.CollectDeleted;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.collect.CollectStatusChanged;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.documentlink.DocumentLinked;
import dev.syncledger.schemas.documentlink.DocumentUnlinked;
import dev.syncledger.schemas.syncrun.SyncDeleted;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncScheduled;
import dev.syncledger.schemas.syncrun.SyncStarted;
import dev.syncledger.schemas.syncrun.SyncSucceeded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Input events of every kind for tests that cross entities: one workspace and connector by default, times in
 * seconds after {@link #T0}, a fresh event id each time. A test states only what matters to it.
 */
public final class Events {

    public static final Instant T0 = Instant.parse("2026-06-02T08:00:00Z");
    public static final UUID WORKSPACE = id("workspace-1");
    public static final UUID OTHER_WORKSPACE = id("workspace-2");
    public static final UUID CONNECTOR = id("connector-1");

    private static final AtomicLong EVENT_IDS = new AtomicLong();

    private Events() {}

    public static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    public static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public static UUID eventId() {
        return id("event-" + EVENT_IDS.incrementAndGet());
    }

    /** A sync-run event of {@code run} in the default workspace and connector; build its payload with the methods below. */
    public static SyncRunEvent run(UUID run, long at, Object payload) {
        return run(WORKSPACE, CONNECTOR, run, at, payload);
    }

    public static SyncRunEvent run(UUID workspace, UUID connector, UUID run, long at, Object payload) {
        return new SyncRunEvent(eventId(), t(at), workspace, connector, run, payload);
    }

    public static SyncScheduled scheduled() {
        return new SyncScheduled(null, null);
    }

    public static SyncStarted started(long at) {
        return new SyncStarted(t(at), null, null);
    }

    public static SyncSucceeded succeeded(long at, String metadata) {
        return new SyncSucceeded(t(at), metadata);
    }

    public static SyncFailed failed(long at, String error) {
        return new SyncFailed(t(at), error, null);
    }

    public static SyncDeleted deleted() {
        return new SyncDeleted();
    }

    public static DiagnosticEvent diagnostic(UUID workspace, UUID connector, UUID diagnostic, long at, String reason) {
        return new DiagnosticEvent(eventId(), t(at), workspace, connector, diagnostic, "invoice", "pennylane_get_invoices", reason, 500,
                "upstream answered 500");
    }

    public static DocumentLinkEvent link(UUID workspace, UUID connector, UUID document, long at, boolean linked) {
        return new DocumentLinkEvent(eventId(), t(at), workspace, connector, document, "input",
                linked ? new DocumentLinked() : new DocumentUnlinked());
    }

    public static CollectEvent collect(UUID workspace, UUID connector, UUID collect, long at, String status) {
        return new CollectEvent(eventId(), t(at), workspace, connector, collect,
                new CollectStatusChanged(status, id("people"), "linkedin", null, null, status.equals("finalized") ? t(at) : null, null));
    }

    public static CollectEvent collectDeleted(UUID workspace, UUID collect, long at) {
        return new CollectEvent(eventId(), t(at), workspace, null, collect, new CollectDeleted());
    }
}

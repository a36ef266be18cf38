package dev.syncledger.processor.ledger;

import dev.syncledger.processor.output.Emission;
import dev.syncledger.processor.ownership.ConnectorRef;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.UnknownEnumValueException;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.processor.store.CommitHook;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * One input topic's entity as the ledger processor drives it: read a record into an event, judge what needs
 * nothing but the event, name the connector it claims, fold it, and forget what the horizon expired. The fold
 * itself is a pure function in the entity's package; a branch only routes, stores and emits.
 *
 * @param <E> the entity's event as its fold takes it
 */
public interface EntityBranch<E> {

    /** The input topic this branch folds. */
    String topic();

    /** The entity's name in metrics: sync-run, diagnostic, document-link, collect. */
    String entity();

    Set<StoreBuilder<?>> stores();

    /** Called from the processor's init: get the stores, and publish what changed through the task's commit hook. */
    void init(ProcessorContext<String, Emission> context, CommitHook hook, LedgerOutput output);

    /**
     * The event the record's value holds, bounded to the field limits.
     *
     * @throws UndecodableRecordException when the bytes are not a record of the topic's type: {@code malformed}
     * @throws MalformedEventException when a field is missing or unusable: {@code malformed}
     * @throws UnknownEnumValueException when a value is newer than this version: {@code unknown_enum_value}
     */
    E read(EventOrigin origin, byte[] value) throws UndecodableRecordException, MalformedEventException, UnknownEnumValueException;

    Instant occurredAt(E event);

    UUID eventId(E event);

    /** The workspace the event names, as its publisher claimed it: what its rejections carry. */
    UUID workspaceId(E event);

    /** A rejection the event earns on its own, whatever its entity holds. */
    Optional<Rejection> judgeAlone(E event, EventOrigin origin);

    /** The connector and workspace the event names, or null when it names no connector. */
    ConnectorRef connectorOf(E event);

    /** Folds an event whose connector, if it names one, is its workspace's. */
    void fold(E event, EventOrigin origin, Instant clock);

    /** The event as it waits for its connector's owner; decoded by {@link #unpark}. */
    byte[] park(E event);

    E unpark(byte[] parked);

    /** Forgets up to {@code limit} of what the horizon expired at {@code clock}; returns how many. */
    int forgetExpired(Instant clock, int limit);

    default void close() {}
}

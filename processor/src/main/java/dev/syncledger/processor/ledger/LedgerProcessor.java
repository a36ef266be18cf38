package dev.syncledger.processor.ledger;

import dev.syncledger.processor.LedgerSensors;
import dev.syncledger.processor.connector.ConnectorMessage;
import dev.syncledger.processor.output.Emission;
import dev.syncledger.processor.output.Emission.Destination;
import dev.syncledger.processor.ownership.ConnectorClaim;
import dev.syncledger.processor.ownership.ConnectorRef;
import dev.syncledger.processor.ownership.OwnerAnswer;
import dev.syncledger.processor.ownership.OwnershipGate;
import dev.syncledger.processor.ownership.ParkedEvent;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.processor.rejection.RejectedEventRecords;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.processor.rejection.UnknownEnumValueException;
import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.processor.status.ContributionChange;
import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one processor every input topic goes through, partition by partition. For each record: read it with its
 * topic's branch (or reject it), advance that partition's event clock, judge what the event earns alone, pass
 * it through the ownership gate (or park it until its connector's owner is known), and let the branch fold it.
 * Rejections go out at once; rows and status changes go out when the task commits, from the branches' commit
 * flushes. What the horizon expired is forgotten a bounded amount at a time, paced by the input and, when it is
 * idle, by a punctuator.
 */
public final class LedgerProcessor implements Processor<byte[], byte[], String, Emission>, LedgerOutput {

    public static final String CLOCK_STORE = "ledger-clocks";
    public static final String OWNER_STORE = "ledger-connector-owners";
    public static final String PARKED_STORE = "ledger-parked-events";
    public static final String COMMIT_HOOK_STORE = "ledger-commit-hook";

    /** How many expired entities one pass forgets per branch, so that a backlog cannot stall the task. */
    static final int FORGET_BATCH = 1_000;
    /**
     * Input records between two passes: up to four forgotten per branch for each record taken in, more than a
     * record can add, so that a replay running days of event time a minute cannot outgrow the forgetting.
     */
    static final int FORGET_EVERY = 250;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerProcessor.class);

    private final Map<String, EntityBranch<?>> branches = new HashMap<>();
    private final AvroCodec<RejectedEvent> rejectedCodec;
    private final Duration sweepInterval;
    private ProcessorContext<String, Emission> context;
    private PartitionClocks clocks;
    private OwnershipGate gate;
    private final Map<String, Sensor> accepted = new HashMap<>();
    private Sensor forgotten;
    private int sinceForgetting;
    /**
     * The record being handled and the workspace its event claims, to tell whether a rejection is its own and, if so,
     * to name that workspace in it.
     */
    private EventOrigin handling;
    private UUID handlingWorkspace;
    private boolean handledRejected;

    public LedgerProcessor(List<EntityBranch<?>> branches, AvroCodec<RejectedEvent> rejectedCodec, Duration sweepInterval) {
        branches.forEach(branch -> this.branches.put(branch.topic(), branch));
        this.rejectedCodec = rejectedCodec;
        this.sweepInterval = sweepInterval;
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        CommitHook hook = CommitHook.register(context, COMMIT_HOOK_STORE);
        this.clocks = new PartitionClocks(context.getStateStore(CLOCK_STORE), hook);
        this.gate = new OwnershipGate(context.getStateStore(OWNER_STORE), context.getStateStore(PARKED_STORE));
        for (EntityBranch<?> branch : branches.values()) {
            branch.init(context, hook, this);
            accepted.put(branch.topic(), LedgerSensors.counter(context, AcceptedEvents.sensorName(branch.entity())));
        }
        forgotten = LedgerSensors.counter(context, "ledgers-forgotten");
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, now -> forgetExpired());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown");
        if (topic.equals(Topics.CONNECTOR_OWNERS.name())) {
            release(OwnerAnswer.SERDE.decode(record.value()));
            return;
        }
        EntityBranch<?> branch = branches.get(topic);
        if (branch == null) {
            throw new IllegalStateException("no branch folds topic " + topic + "; the topology reads " + branches.keySet());
        }
        handle(branch, originOf(topic, record), record.value());
        if (++sinceForgetting >= FORGET_EVERY) {
            forgetExpired();
        }
    }

    private <E> void handle(EntityBranch<E> branch, EventOrigin origin, byte[] value) {
        E event;
        try {
            event = branch.read(origin, value);
        } catch (UndecodableRecordException e) {
            reject(new Rejection(RejectionReason.MALFORMED, e.getMessage(), null, origin));
            return;
        } catch (MalformedEventException e) {
            reject(new Rejection(RejectionReason.MALFORMED, e.getMessage(), e.eventId(), origin));
            return;
        } catch (UnknownEnumValueException e) {
            reject(new Rejection(RejectionReason.UNKNOWN_ENUM_VALUE, e.getMessage(), e.eventId(), origin));
            return;
        }
        Instant clock = clocks.advance(branch.topic(), LedgerRules.eventTime(branch.occurredAt(event), origin.timestamp()));
        admit(branch, event, origin, clock);
    }

    /** Judges, gates and folds a decoded event, on arrival or when its connector's owner is learnt. */
    private <E> void admit(EntityBranch<E> branch, E event, EventOrigin origin, Instant clock) {
        handling = origin;
        handlingWorkspace = branch.workspaceId(event);
        handledRejected = false;
        try {
            if (gateAndFold(branch, event, origin, clock) && !handledRejected) {
                accepted.get(branch.topic()).record();
            }
        } finally {
            handling = null;
            handlingWorkspace = null;
        }
    }

    /** Whether the event reached its branch's fold (which may still reject it). */
    private <E> boolean gateAndFold(EntityBranch<E> branch, E event, EventOrigin origin, Instant clock) {
        var alone = branch.judgeAlone(event, origin);
        if (alone.isPresent()) {
            reject(alone.get());
            return false;
        }
        ConnectorRef named = branch.connectorOf(event);
        if (named != null) {
            var owner = gate.ownerOf(named.workspaceConnectorId());
            if (owner.isEmpty()) {
                park(branch, event, origin, clock, named);
                return false;
            }
            if (!owner.get().equals(named.workspaceId())) {
                // Carries the workspace this event names (its own claim), never the owner's: that is another tenant.
                reject(new Rejection(RejectionReason.WORKSPACE_MISMATCH, "connector " + named.workspaceConnectorId()
                        + " belongs to workspace " + owner.get() + "; this event names workspace " + named.workspaceId(),
                        branch.eventId(event), origin));
                return false;
            }
        }
        branch.fold(event, origin, clock);
        return true;
    }

    private <E> void park(EntityBranch<E> branch, E event, EventOrigin origin, Instant clock, ConnectorRef named) {
        boolean first = gate.park(named.workspaceConnectorId(), new ParkedEvent(origin, clock, branch.park(event)));
        if (first) {
            ConnectorClaim claim = new ConnectorClaim(named.workspaceConnectorId(), named.workspaceId(), context.taskId().partition());
            // Stamped with the claiming event's time, as its answer will be: Kafka Streams takes a task's records oldest
            // first across its partitions, and a wall-clock stamp would queue the answer behind every older input.
            context.forward(new Record<>(named.workspaceConnectorId().toString(),
                    Emission.to(Destination.CONNECTOR, ConnectorMessage.SERDE.encode(ConnectorMessage.of(claim))),
                    origin.timestamp() >= 0 ? origin.timestamp() : context.currentSystemTimeMs()));
        }
    }

    private void release(OwnerAnswer answer) {
        for (ParkedEvent parked : gate.learn(answer)) {
            EntityBranch<?> branch = branches.get(parked.origin().topic());
            resume(branch, parked);
        }
    }

    private <E> void resume(EntityBranch<E> branch, ParkedEvent parked) {
        admit(branch, branch.unpark(parked.event()), parked.origin(), parked.clock());
    }

    /** A pass every {@link #FORGET_EVERY} input records, and on a wall-clock punctuator for when input is idle. */
    private void forgetExpired() {
        sinceForgetting = 0;
        for (EntityBranch<?> branch : branches.values()) {
            Instant clock = clocks.current(branch.topic());
            if (clock != null) {
                int count = branch.forgetExpired(clock, FORGET_BATCH);
                if (count > 0) {
                    forgotten.record(count);
                    LOG.debug("forgot {} {} ledgers the horizon expired at {}", count, branch.entity(), clock);
                }
            }
        }
    }

    /**
     * Publishes a rejection, naming the workspace its event claimed: the one a fold gave it (an event it displaced
     * or forgot), else, for the record being handled, that event's own; anything else (an undecodable record) none.
     */
    @Override
    public void reject(Rejection rejection) {
        boolean ofHandledRecord = handling != null && rejection.origin().sameRecord(handling);
        if (ofHandledRecord) {
            handledRejected = true;
        }
        Rejection named = rejection.workspaceId() == null && ofHandledRecord ? rejection.withWorkspace(handlingWorkspace) : rejection;
        LOG.debug("rejected {} as {}: {}", named.origin(), named.reason().code(), named.message());
        byte[] value = rejectedCodec.encode(Topics.REJECTED.name(),
                RejectedEventRecords.toAvro(named, Instant.ofEpochMilli(context.currentSystemTimeMs())));
        context.forward(new Record<>(named.origin().key(), Emission.to(Destination.REJECTED, value), context.currentSystemTimeMs()));
    }

    @Override
    public void row(Destination destination, String key, byte[] value) {
        context.forward(new Record<>(key, Emission.to(destination, value), context.currentSystemTimeMs()));
    }

    @Override
    public void change(ContributionChange change) {
        context.forward(new Record<>(change.workspaceConnectorId().toString(),
                Emission.to(Destination.CONNECTOR, ConnectorMessage.SERDE.encode(ConnectorMessage.of(change))), context.currentSystemTimeMs()));
    }

    @Override
    public void close() {
        branches.values().forEach(EntityBranch::close);
        accepted.values().forEach(sensor -> context.metrics().removeSensor(sensor));
        context.metrics().removeSensor(forgotten);
    }

    private EventOrigin originOf(String topic, Record<byte[], byte[]> record) {
        int partition = context.recordMetadata().map(m -> m.partition()).orElse(-1);
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
        String key = record.key() == null ? null : new String(record.key(), 0, Math.min(record.key().length, 4 * EventOrigin.MAX_KEY_CHARS),
                StandardCharsets.UTF_8);
        return new EventOrigin(topic, partition, offset, record.timestamp(), key, RawValue.of(record.value()));
    }
}

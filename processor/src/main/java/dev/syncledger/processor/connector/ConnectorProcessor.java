package dev.syncledger.processor.connector;

import dev.syncledger.processor.output.Emission;
import dev.syncledger.processor.output.Emission.Destination;
import dev.syncledger.processor.ownership.ConnectorClaim;
import dev.syncledger.processor.ownership.OwnerAnswer;
import dev.syncledger.processor.retention.MemoryTimeIndex;
import dev.syncledger.processor.retention.TimeOrderedIndex;
import dev.syncledger.processor.status.ConnectorStatusFold;
import dev.syncledger.processor.status.ConnectorStatusState;
import dev.syncledger.processor.status.ContributionChange;
import dev.syncledger.processor.status.RunIndex;
import dev.syncledger.processor.status.StoreRunIndex;
import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.processor.store.WriteBehindStore;
import dev.syncledger.processor.watch.AlertTransition;
import dev.syncledger.processor.watch.ConnectorWatch;
import dev.syncledger.processor.watch.WatchFold;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.alert.ConnectorAlert;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.state.ConnectorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A connector's task, reached through the one repartition by connector: it stamps each connector with the
 * workspace of the first claim it reads and answers every claim with that owner; it folds each contribution
 * change into the connector's status ({@link ConnectorStatusFold}) and then its freshness and alerts
 * ({@link WatchFold}), publishing each alert transition at once; a wall-clock punctuator looks again at the
 * connectors whose deadline passed, found through an in-memory time-ordered index so that its cost follows those, not
 * all connectors; and when the task commits, it publishes each status that changed since the last commit, once.
 */
public final class ConnectorProcessor implements Processor<byte[], byte[], String, Emission> {

    public static final String CONNECTOR_STORE = "connectors";
    public static final String RUNS_BY_CREATED_STORE = "connector-runs-by-created";
    public static final String FINISHED_RUNS_STORE = "connector-finished-runs";
    public static final String COMMIT_HOOK_STORE = "connector-commit-hook";
    /** A change whose row is older than this is part of a backlog being folded (a replay, a consumer catching up). */
    static final Duration STALE_CHANGE = Duration.ofMinutes(5);
    /** Connectors looked at per punctuation at most; the rest wait for the next one. */
    static final int DEADLINES_PER_PUNCTUATION = 10_000;
    /** A connector's state in memory: its pointers and index sizes, a few hundred bytes. */
    static final int ESTIMATED_STATE_BYTES = 512;

    private final AvroCodec<ConnectorStatus> statusCodec;
    private final AvroCodec<ConnectorAlert> alertCodec;
    private final ConnectorStatusFold fold;
    private final WatchFold watchFold;
    private final Duration deadlineCheckInterval;

    private ProcessorContext<String, Emission> context;
    private WriteBehindStore<String, ConnectorState> connectors;
    private RunIndex runs;
    private MemoryTimeIndex deadlines;
    /** Wall-clock time this task last folded a stale change: until two check intervals after it, it is catching up. */
    private long lastStaleChangeMs = Long.MIN_VALUE / 2;

    public ConnectorProcessor(AvroCodec<ConnectorStatus> statusCodec, AvroCodec<ConnectorAlert> alertCodec, ConnectorStatusFold fold,
                              WatchFold watchFold, Duration deadlineCheckInterval) {
        this.statusCodec = statusCodec;
        this.alertCodec = alertCodec;
        this.fold = fold;
        this.watchFold = watchFold;
        this.deadlineCheckInterval = deadlineCheckInterval;
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        KeyValueStore<String, ConnectorState> store = context.getStateStore(CONNECTOR_STORE);
        this.connectors = WriteBehindStore.over(store, state -> ESTIMATED_STATE_BYTES, WriteBehindStore.Bounds.DEFAULT,
                CommitHook.register(context, COMMIT_HOOK_STORE), this::publishIfChanged);
        this.runs = new StoreRunIndex(context.getStateStore(RUNS_BY_CREATED_STORE), context.getStateStore(FINISHED_RUNS_STORE));
        // Every deadline is also in its connector's changelogged state: the index is rebuilt from it, not changelogged.
        this.deadlines = new MemoryTimeIndex(index -> {
            try (KeyValueIterator<String, ConnectorState> all = store.all()) {
                all.forEachRemaining(entry -> {
                    if (entry.value.watch() != null && entry.value.watch().deadline() != null) {
                        index.add(entry.value.watch().deadline(), entry.key);
                    }
                });
            }
        });
        context.schedule(deadlineCheckInterval, PunctuationType.WALL_CLOCK_TIME, this::lookAtLateConnectors);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        // The key only chose the partition: the message names its connector, so the key is never decoded.
        ConnectorMessage message = ConnectorMessage.SERDE.decode(record.value());
        if (message.claim() != null) {
            answer(message.claim(), record.timestamp());
        } else {
            fold(message.change());
        }
    }

    /** The answer carries the claim's timestamp, so that the ledger task takes it before younger inputs. */
    private void answer(ConnectorClaim claim, long timestamp) {
        String key = claim.workspaceConnectorId().toString();
        ConnectorState state = state(key);
        if (state == null) {
            state = new ConnectorState(claim.workspaceId(), null, null);
            store(key, state);
        }
        byte[] answer = OwnerAnswer.SERDE.encode(new OwnerAnswer(claim.workspaceConnectorId(), state.owner()));
        context.forward(new Record<>(key, new Emission(Destination.CONNECTOR_OWNER, answer, claim.claimantPartition()), timestamp));
    }

    private void fold(ContributionChange change) {
        UUID connector = change.workspaceConnectorId();
        String key = connector.toString();
        ConnectorState state = state(key);
        // Every change follows a claim for its connector; a missing owner can only be a store lost by hand.
        UUID owner = state != null ? state.owner() : (change.after() != null ? change.after() : change.before()).workspaceId();
        ConnectorStatusState previous = state == null ? null : state.status();
        ConnectorStatusState status = fold.apply(previous, connector, owner, change, runs);
        ConnectorWatch watch = state == null ? null : state.watch();
        Instant now = now();
        Instant seenAt = (change.after() != null ? change.after() : change.before()).seenAt();
        if (seenAt.isBefore(now.minus(STALE_CHANGE))) {
            lastStaleChangeMs = now.toEpochMilli();
        }
        WatchFold.Decision decision = watchFold.afterChange(watch, connector, status, change, runs, now);
        decide(key, state == null ? new ConnectorState(owner, null, null) : state, status, previous, decision);
    }

    /** Re-evaluates the connectors whose deadline passed: they may have turned delayed or overdue, or a burst quiet. */
    private void lookAtLateConnectors(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        // Overdue alerts wait while a backlog is folded: every old success looks overdue against today's clock.
        boolean caughtUp = wallClockMs - lastStaleChangeMs > 2 * deadlineCheckInterval.toMillis();
        // Due at now + 1 ms: deadlines are the first instant past a limit, so one dated now is due now. Every deadline a
        // decision below sets is at now + 1 ms or later, after what this call marks as looked at.
        List<TimeOrderedIndex.Entry> due = deadlines.due(now.plusMillis(1), DEADLINES_PER_PUNCTUATION);
        for (TimeOrderedIndex.Entry entry : due) {
            ConnectorState state = state(entry.key());
            if (state == null || state.status() == null || !entry.at().equals(state.watch().deadline())) {
                // Moved or gone since it was indexed: a leftover.
                deadlines.remove(entry.at(), entry.key());
                continue;
            }
            WatchFold.Decision decision = watchFold.onClock(state.watch(), UUID.fromString(entry.key()), state.status(), now, caughtUp);
            decide(entry.key(), state, state.status(), state.status(), decision);
        }
    }

    /** Stores what the folds decided, moves the connector in the deadline index, and publishes its alert transitions. */
    private void decide(String key, ConnectorState state, ConnectorStatusState status, ConnectorStatusState previousStatus,
                        WatchFold.Decision decision) {
        ConnectorWatch before = state.watch();
        ConnectorWatch after = decision.watch();
        boolean freshnessChanged = before == null || !Objects.equals(before.freshness(), after.freshness());
        boolean revisionMoved = previousStatus == null || previousStatus.revision() != status.revision();
        if (freshnessChanged && !revisionMoved) {
            status = status.nextRevision();
        }
        deadlines.reschedule(key, before == null ? null : before.deadline(), after.deadline());
        store(key, state.with(status, after));
        for (AlertTransition transition : decision.transitions()) {
            context.forward(new Record<>(key, Emission.to(Destination.ALERT, alertCodec.encode(Topics.ALERTS.name(),
                    ConnectorAlertRecords.toAvro(transition))), context.currentSystemTimeMs()));
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private ConnectorState state(String key) {
        return connectors.get(key);
    }

    private void store(String key, ConnectorState state) {
        connectors.put(key, state);
    }

    private void publishIfChanged(String key, ConnectorState before, ConnectorState after) {
        if (after == null || after.status() == null) {
            return;
        }
        ConnectorStatusState status = after.status();
        if (before != null && before.status() != null && before.status().revision() == status.revision()) {
            return;
        }
        ConnectorStatus row = ConnectorStatusRecords.toAvro(status.row(UUID.fromString(key)), status.revision(), after.watch().freshness());
        context.forward(new Record<>(key, Emission.to(Destination.CONNECTOR_STATUS_STATE, statusCodec.encode(
                Topics.CONNECTOR_STATUS_STATE.name(), row)), context.currentSystemTimeMs()));
    }
}

package dev.syncledger.processor.collect;

import dev.syncledger.processor.ledger.EntityBranch;
import dev.syncledger.processor.ledger.HeldLedgers;
import dev.syncledger.processor.ledger.LedgerOutput;
import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.output.Emission;
import dev.syncledger.processor.output.Emission.Destination;
import dev.syncledger.processor.ownership.ConnectorRef;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.status.ContributionChanges;
import dev.syncledger.processor.status.RunContribution;
import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.processor.synclog.SyncLogRows;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.Collect;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The collect branch: collects in, collect ledgers held; once per commit, a collect's row and the sync log an
 * ended collect produces (to the sync-log state topic, under a name-based id that never collides with a
 * run's), and that sync log's status change.
 */
public final class CollectBranch implements EntityBranch<CollectChange> {

    public static final String LEDGER_STORE = "collect-ledgers";

    private final AvroCodec<CollectEvent> input;
    private final AvroCodec<Collect> rows;
    private final AvroCodec<WorkspaceConnectorSyncLog> syncLogs;
    private final CollectEventReader reader = new CollectEventReader();
    private final CollectFold fold;
    private final LedgerRules rules;
    private HeldLedgers<CollectLedger> ledgers;
    private LedgerOutput out;

    public CollectBranch(SerdeConfig serde, LedgerRules rules) {
        this.input = AvroCodec.create(CollectEvent.getClassSchema(), serde);
        this.rows = AvroCodec.create(Collect.getClassSchema(), serde);
        this.syncLogs = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), serde);
        this.fold = new CollectFold(rules);
        this.rules = rules;
    }

    @Override
    public String topic() {
        return Topics.COLLECTS.name();
    }

    @Override
    public String entity() {
        return "collect";
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return HeldLedgers.stores(LEDGER_STORE, CollectFormats.ledger(topic()));
    }

    @Override
    public void init(ProcessorContext<String, Emission> context, CommitHook hook, LedgerOutput output) {
        this.out = output;
        this.ledgers = HeldLedgers.open(context, hook, LEDGER_STORE, rules, CollectLedger::estimatedBytes, this::publish);
    }

    @Override
    public CollectChange read(EventOrigin origin, byte[] value)
            throws UndecodableRecordException, MalformedEventException, UnknownCollectStatusException {
        return reader.read(origin.key(), input.decode(origin.topic(), value));
    }

    @Override
    public Instant occurredAt(CollectChange event) {
        return event.occurredAt();
    }

    @Override
    public UUID eventId(CollectChange event) {
        return event.eventId();
    }

    @Override
    public UUID workspaceId(CollectChange event) {
        return event.workspaceId();
    }

    @Override
    public Optional<Rejection> judgeAlone(CollectChange event, EventOrigin origin) {
        return CollectFold.judgeAlone(event, origin);
    }

    @Override
    public ConnectorRef connectorOf(CollectChange event) {
        return event.workspaceConnectorId() == null ? null : new ConnectorRef(event.workspaceConnectorId(), event.workspaceId());
    }

    @Override
    public void fold(CollectChange event, EventOrigin origin, Instant clock) {
        ledgers.fold(event.collectId().toString(), stored -> fold.apply(stored, event, origin, clock), out);
    }

    @Override
    public byte[] park(CollectChange event) {
        return CollectFormats.PARKED.encode(event);
    }

    @Override
    public CollectChange unpark(byte[] parked) {
        return CollectFormats.PARKED.decode(parked);
    }

    @Override
    public int forgetExpired(Instant clock, int limit) {
        return ledgers.forgetExpired(clock, limit, CollectLedger::forgetRejections, out);
    }

    /**
     * Called as the task commits: the collect's row if it changed; its sync log if that changed, or a tombstone
     * when the collect no longer produces one; and what that changes in the connector's status.
     */
    private void publish(String key, CollectLedger before, CollectLedger after) {
        if (after == null) {
            return; // forgotten by the horizon: the rows stay as they were last published
        }
        Optional<CollectRow> row = after.row();
        if (row.isPresent() && (before == null || before.revision() != after.revision())) {
            out.row(Destination.COLLECT_STATE, key, rows.encode(Topics.COLLECT_STATE.name(), CollectRows.toAvro(row.get(), after.revision())));
        }
        if (before == null ? after.syncLogRevision() > 0 : before.syncLogRevision() != after.syncLogRevision()) {
            String syncLogKey = CollectSyncLog.idOf(after.collectId()).toString();
            out.row(Destination.SYNC_LOG_STATE, syncLogKey, after.syncLog()
                    .map(syncLog -> syncLogs.encode(Topics.SYNC_LOG_STATE.name(), SyncLogRows.toAvro(syncLog, after.syncLogRevision())))
                    .orElse(null));
        }
        ContributionChanges.between(contribution(before), contribution(after)).forEach(out::change);
    }

    private static RunContribution contribution(CollectLedger ledger) {
        return ledger == null ? null : ledger.syncLog().map(syncLog -> SyncLogRows.contribution(syncLog, ledger.seenAt())).orElse(null);
    }
}

package dev.syncledger.processor.synclog;

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
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;

/** The sync-run branch: sync-runs in, run ledgers held, a run's row and its status change out once per commit. */
public final class SyncLogBranch implements EntityBranch<SyncLogEvent> {

    public static final String LEDGER_STORE = "sync-log-ledgers";

    private final AvroCodec<SyncRunEvent> input;
    private final AvroCodec<WorkspaceConnectorSyncLog> output;
    private final SyncRunEventReader reader = new SyncRunEventReader();
    private final SyncLogFold fold;
    private final LedgerRules rules;
    private HeldLedgers<SyncLogLedger> ledgers;
    private LedgerOutput out;

    public SyncLogBranch(SerdeConfig serde, LedgerRules rules) {
        this.input = AvroCodec.create(SyncRunEvent.getClassSchema(), serde);
        this.output = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), serde);
        this.fold = new SyncLogFold(rules);
        this.rules = rules;
    }

    public static BinarySerde<SyncLogLedger> ledgerSerde() {
        return new BinarySerde<>("sync-log ledger", new SyncLogLedgerFormat(Topics.SYNC_RUNS.name()));
    }

    @Override
    public String topic() {
        return Topics.SYNC_RUNS.name();
    }

    @Override
    public String entity() {
        return "sync-run";
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return HeldLedgers.stores(LEDGER_STORE, ledgerSerde());
    }

    @Override
    public void init(ProcessorContext<String, Emission> context, CommitHook hook, LedgerOutput output) {
        this.out = output;
        this.ledgers = HeldLedgers.open(context, hook, LEDGER_STORE, rules, SyncLogLedger::estimatedBytes, this::publish);
    }

    @Override
    public SyncLogEvent read(EventOrigin origin, byte[] value) throws UndecodableRecordException, MalformedEventException {
        return reader.read(origin.key(), input.decode(origin.topic(), value));
    }

    @Override
    public Instant occurredAt(SyncLogEvent event) {
        return event.occurredAt();
    }

    @Override
    public UUID eventId(SyncLogEvent event) {
        return event.eventId();
    }

    @Override
    public UUID workspaceId(SyncLogEvent event) {
        return event.workspaceId();
    }

    @Override
    public Optional<Rejection> judgeAlone(SyncLogEvent event, EventOrigin origin) {
        return SyncLogFold.judgeAlone(event, origin);
    }

    @Override
    public ConnectorRef connectorOf(SyncLogEvent event) {
        return new ConnectorRef(event.workspaceConnectorId(), event.workspaceId());
    }

    @Override
    public void fold(SyncLogEvent event, EventOrigin origin, Instant clock) {
        ledgers.fold(event.syncLogId().toString(), stored -> fold.apply(stored, event, origin, clock), out);
    }

    @Override
    public byte[] park(SyncLogEvent event) {
        return SyncLogEventFormat.SERDE.encode(event);
    }

    @Override
    public SyncLogEvent unpark(byte[] parked) {
        return SyncLogEventFormat.SERDE.decode(parked);
    }

    @Override
    public int forgetExpired(Instant clock, int limit) {
        return ledgers.forgetExpired(clock, limit, SyncLogLedger::forgetRejections, out);
    }

    /** Called as the task commits: the run's row, if it changed, and what that changes in its connector's status. */
    private void publish(String key, SyncLogLedger before, SyncLogLedger after) {
        if (after == null) {
            return; // forgotten by the horizon: the row stays as it was last published
        }
        Optional<SyncLogRow> row = after.row();
        if (row.isPresent() && (before == null || before.revision() != after.revision())) {
            out.row(Destination.SYNC_LOG_STATE, key, output.encode(Topics.SYNC_LOG_STATE.name(), SyncLogRows.toAvro(row.get(), after.revision())));
        }
        ContributionChanges.between(contribution(before), contribution(after)).forEach(out::change);
    }

    static RunContribution contribution(SyncLogLedger ledger) {
        return ledger == null ? null : ledger.row().map(row -> SyncLogRows.contribution(row, ledger.seenAt())).orElse(null);
    }
}

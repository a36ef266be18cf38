package dev.syncledger.processor.connector;

import dev.syncledger.processor.output.Emission;
import dev.syncledger.processor.output.Emission.Destination;
import dev.syncledger.processor.ownership.ConnectorClaim;
import dev.syncledger.processor.ownership.OwnerAnswer;
import dev.syncledger.processor.status.ConnectorStatusFold;
import dev.syncledger.processor.status.ConnectorStatusRecords;
import dev.syncledger.processor.status.ConnectorStatusState;
import dev.syncledger.processor.status.ContributionChange;
import dev.syncledger.processor.status.RunIndex;
import dev.syncledger.processor.status.StoreRunIndex;
import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.processor.store.WriteBehindStore;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.state.ConnectorStatus;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A connector's task, reached through the one repartition by connector: it stamps each connector with the
 * workspace of the first claim it reads and answers every claim with that owner; it folds each contribution
 * change into the connector's status ({@link ConnectorStatusFold}); and when the task commits, it publishes
 * each status that changed since the last commit, once.
 */
public final class ConnectorProcessor implements Processor<String, byte[], String, Emission> {

    public static final String CONNECTOR_STORE = "connectors";
    public static final String RUNS_BY_CREATED_STORE = "connector-runs-by-created";
    public static final String FINISHED_RUNS_STORE = "connector-finished-runs";
    public static final String COMMIT_HOOK_STORE = "connector-commit-hook";
    /** A connector's state in memory: its pointers and index sizes, a few hundred bytes. */
    static final int ESTIMATED_STATE_BYTES = 512;

    private final AvroCodec<ConnectorStatus> statusCodec;
    private final ConnectorStatusFold fold;

    private ProcessorContext<String, Emission> context;
    private WriteBehindStore<String, ConnectorState> connectors;
    private RunIndex runs;

    public ConnectorProcessor(AvroCodec<ConnectorStatus> statusCodec, ConnectorStatusFold fold) {
        this.statusCodec = statusCodec;
        this.fold = fold;
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        KeyValueStore<String, ConnectorState> store = context.getStateStore(CONNECTOR_STORE);
        this.connectors = WriteBehindStore.over(store, state -> ESTIMATED_STATE_BYTES, WriteBehindStore.Bounds.DEFAULT,
                CommitHook.register(context, COMMIT_HOOK_STORE), this::publishIfChanged);
        this.runs = new StoreRunIndex(context.getStateStore(RUNS_BY_CREATED_STORE), context.getStateStore(FINISHED_RUNS_STORE));
    }

    @Override
    public void process(Record<String, byte[]> record) {
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
            state = new ConnectorState(claim.workspaceId(), null);
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
        ConnectorStatusState status = fold.apply(state == null ? null : state.status(), connector, owner, change, runs);
        store(key, state == null ? new ConnectorState(owner, status) : state.with(status));
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
        ConnectorStatus row = ConnectorStatusRecords.toAvro(status.row(UUID.fromString(key)), status.revision());
        context.forward(new Record<>(key, Emission.to(Destination.CONNECTOR_STATUS_STATE, statusCodec.encode(
                dev.syncledger.schemas.Topics.CONNECTOR_STATUS_STATE.name(), row)), context.currentSystemTimeMs()));
    }
}

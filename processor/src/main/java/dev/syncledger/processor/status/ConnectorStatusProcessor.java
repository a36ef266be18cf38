package dev.syncledger.processor.status;

import dev.syncledger.processor.status.store.ConnectorStatusState;
import dev.syncledger.processor.status.store.StatusContributionChange;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.ConnectorStatus;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status stage, partitioned by connector: folds each contribution change into the connector's row
 * with {@link ConnectorStatusFold} and emits the row, with the next revision, when it changed.
 */
final class ConnectorStatusProcessor implements Processor<String, byte[], String, ConnectorStatus> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorStatusProcessor.class);

    private final AvroCodec<StatusContributionChange> codec;
    private final ConnectorStatusFold fold = new ConnectorStatusFold();
    private final UnreadableOwnRecords unreadable = new UnreadableOwnRecords(LOG);
    private ProcessorContext<String, ConnectorStatus> context;
    private KeyValueStore<String, ConnectorStatusState> rows;
    private RunIndex runs;

    ConnectorStatusProcessor(AvroCodec<StatusContributionChange> codec) {
        this.codec = codec;
    }

    @Override
    public void init(ProcessorContext<String, ConnectorStatus> context) {
        this.context = context;
        this.rows = context.getStateStore(StatusTopology.ROW_STORE);
        this.runs = new StoreRunIndex(context.getStateStore(StatusTopology.RUNS_BY_CREATED_STORE),
                context.getStateStore(StatusTopology.FINISHED_RUNS_STORE));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow(() -> new IllegalStateException("a change without metadata"));
        ContributionChange change;
        try {
            change = ContributionRecords.fromAvro(codec.decode(source.topic(), record.value()));
        } catch (UndecodableRecordException | IllegalArgumentException e) {
            unreadable.skip(source.topic(), source.partition(), source.offset(), e.getMessage());
            return;
        }
        String connector = change.workspaceConnectorId().toString();
        ConnectorStatusState state = rows.get(connector);
        StoredStatus previous = state == null ? null : ConnectorStatusRecords.fromState(state);
        Optional<ConnectorStatusRow> changed = fold.apply(previous == null ? null : previous.row(), change, runs);
        if (changed.isEmpty()) {
            return;
        }
        StoredStatus next = new StoredStatus(changed.get(), previous == null ? 1 : previous.revision() + 1);
        rows.put(connector, ConnectorStatusRecords.toState(next));
        context.forward(new Record<>(connector, ConnectorStatusRecords.toAvro(next.row(), next.revision()), record.timestamp()),
                StatusTopology.STATUS_SINK_NODE);
    }
}

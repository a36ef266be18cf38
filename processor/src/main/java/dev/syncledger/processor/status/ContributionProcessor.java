package dev.syncledger.processor.status;

import dev.syncledger.processor.status.store.StatusContribution;
import dev.syncledger.processor.status.store.StatusContributionChange;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contribution stage, partitioned like the state rows: remembers what each row contributed last and
 * forwards only real changes, re-keyed by connector, through {@link ContributionChanges}.
 */
final class ContributionProcessor implements Processor<String, byte[], String, StatusContributionChange> {

    private static final Logger LOG = LoggerFactory.getLogger(ContributionProcessor.class);

    private final StateRowDecoder decoder;
    private final UnreadableOwnRecords unreadable = new UnreadableOwnRecords(LOG);
    private ProcessorContext<String, StatusContributionChange> context;
    private KeyValueStore<String, StatusContribution> contributions;

    ContributionProcessor(StateRowDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void init(ProcessorContext<String, StatusContributionChange> context) {
        this.context = context;
        this.contributions = context.getStateStore(StatusTopology.CONTRIBUTION_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow(() -> new IllegalStateException("a state record without metadata"));
        if (record.key() == null) {
            unreadable.skip(source.topic(), source.partition(), source.offset(), "no record key");
            return;
        }
        Optional<Contribution> incoming;
        try {
            incoming = decoder.decode(source.topic(), record.value());
        } catch (UndecodableRecordException | IllegalArgumentException e) {
            unreadable.skip(source.topic(), source.partition(), source.offset(), e.getMessage());
            return;
        }
        // Keys of different state topics could collide; the topic keeps them apart.
        String rowKey = source.topic() + "/" + record.key();
        Contribution stored = ContributionRecords.fromAvro(contributions.get(rowKey));
        List<ContributionChange> changes = ContributionChanges.between(rowKey, stored, incoming.orElse(null));
        if (changes.isEmpty()) {
            return;
        }
        if (incoming.isPresent()) {
            contributions.put(rowKey, ContributionRecords.toAvro(incoming.get()));
        } else {
            contributions.delete(rowKey);
        }
        for (ContributionChange change : changes) {
            context.forward(new Record<>(change.workspaceConnectorId().toString(), ContributionRecords.toAvro(change), record.timestamp()),
                    StatusTopology.CHANGES_SINK_NODE);
        }
    }
}

package dev.syncledger.sink.table;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every state table the sink fills, in the order a batch writes them. */
public final class StateTables {

    private StateTables() {}

    /**
     * One table per state topic of {@link Topics#STATES}.
     *
     * @throws IllegalStateException when a state topic has no table here, so a new topic cannot be silently ignored
     */
    public static List<StateTable<?, ?>> all(SerdeConfig serde) {
        List<StateTable<?, ?>> tables = List.of(
                new SyncLogTable(serde),
                new DiagnosticTable(serde),
                new DocumentLinkTable(serde),
                new CollectTable(serde),
                new ConnectorStatusTable(serde));
        Set<String> covered = tables.stream().map(StateTable::topic).collect(Collectors.toSet());
        List<String> missing = Topics.STATES.stream().map(TopicSpec::name).filter(topic -> !covered.contains(topic)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the sink has no table for state topics " + missing + "; add a StateTable for each");
        }
        return tables;
    }
}

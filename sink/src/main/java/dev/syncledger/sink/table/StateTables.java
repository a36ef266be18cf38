package dev.syncledger.sink.table;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every table the sink fills from a topic, in the order a batch writes them. */
public final class StateTables {

    private StateTables() {}

    /**
     * One table per topic of {@link Topics#TABLES}.
     *
     * @throws IllegalStateException when a state topic has no table here, so a new topic cannot be silently ignored
     */
    public static List<StateTable<?, ?>> all(SerdeConfig serde) {
        List<StateTable<?, ?>> tables = List.of(
                new SyncLogTable(serde),
                new DiagnosticTable(serde),
                new DocumentLinkTable(serde),
                new CollectTable(serde),
                new ConnectorStatusTable(serde),
                new AlertTable(serde));
        Set<String> covered = tables.stream().map(StateTable::topic).collect(Collectors.toSet());
        List<String> missing = Topics.TABLES.stream().map(TopicSpec::name).filter(topic -> !covered.contains(topic)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the sink has no table for topics " + missing + "; add a StateTable for each");
        }
        return tables;
    }
}

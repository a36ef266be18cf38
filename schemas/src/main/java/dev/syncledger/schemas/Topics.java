package dev.syncledger.schemas;

import java.util.List;

/**
 * Every topic sync-ledger reads or writes, in one place: the processor creates the missing ones from
 * this list and the sink subscribes by these names.
 */
public final class Topics {

    public static final TopicSpec SYNC_RUNS = TopicSpec.input("connector-sync.sync-runs");

    public static final TopicSpec SYNC_LOG_STATE = TopicSpec.compactedState("connector-sync.state.workspace-connector-sync-logs");

    public static final TopicSpec DIAGNOSTICS = TopicSpec.input("connector-sync.diagnostics");

    public static final TopicSpec DOCUMENT_LINKS = TopicSpec.input("connector-sync.document-links");

    public static final TopicSpec COLLECTS = TopicSpec.input("connector-sync.collects");

    public static final TopicSpec DIAGNOSTIC_STATE = TopicSpec.compactedState("connector-sync.state.connector-sync-diagnostics");

    public static final TopicSpec DOCUMENT_LINK_STATE = TopicSpec.compactedState("connector-sync.state.document-workspace-connectors");

    public static final TopicSpec COLLECT_STATE = TopicSpec.compactedState("connector-sync.state.collects");

    public static final TopicSpec CONNECTOR_STATUS_STATE = TopicSpec.compactedState("connector-sync.state.connector-status");

    public static final TopicSpec REJECTED = TopicSpec.log("connector-sync.rejected");

    /**
     * Every alert transition (opened, resolved), keyed by workspace connector so that a connector's transitions
     * stay in order. A history, not state: compaction would keep one transition per connector and lose the rest
     * before the notifier delivered them.
     */
    public static final TopicSpec ALERTS = TopicSpec.alerts("connector-sync.alerts");

    /**
     * The processor's own way back from a connector's task to the ledger task that asked whose the connector is:
     * keyed by connector, each answer written to the asking partition, so it needs as many partitions as the inputs.
     */
    public static final TopicSpec CONNECTOR_OWNERS = TopicSpec.internal("connector-sync.internal.connector-owners");

    public static final List<TopicSpec> INPUTS = List.of(SYNC_RUNS, DIAGNOSTICS, DOCUMENT_LINKS, COLLECTS);

    public static final List<TopicSpec> STATES = List.of(SYNC_LOG_STATE, DIAGNOSTIC_STATE, DOCUMENT_LINK_STATE, COLLECT_STATE,
            CONNECTOR_STATUS_STATE);

    /** Every topic whose records become rows of a table in the sink's database, besides the rejected events. */
    public static final List<TopicSpec> TABLES = List.of(SYNC_LOG_STATE, DIAGNOSTIC_STATE, DOCUMENT_LINK_STATE, COLLECT_STATE,
            CONNECTOR_STATUS_STATE, ALERTS);

    public static final List<TopicSpec> ALL = List.of(SYNC_RUNS, DIAGNOSTICS, DOCUMENT_LINKS, COLLECTS, SYNC_LOG_STATE,
            DIAGNOSTIC_STATE, DOCUMENT_LINK_STATE, COLLECT_STATE, CONNECTOR_STATUS_STATE, REJECTED, ALERTS, CONNECTOR_OWNERS);

    private Topics() {}

    /** A topic name and whether its records are current state (compacted) or a history (deleted by time). */
    public record TopicSpec(String name, boolean compacted, Role role) {

        public enum Role { INPUT, STATE, REJECTED, ALERTS, INTERNAL }

        static TopicSpec input(String name) {
            return new TopicSpec(name, false, Role.INPUT);
        }

        static TopicSpec compactedState(String name) {
            return new TopicSpec(name, true, Role.STATE);
        }

        static TopicSpec log(String name) {
            return new TopicSpec(name, false, Role.REJECTED);
        }

        static TopicSpec alerts(String name) {
            return new TopicSpec(name, false, Role.ALERTS);
        }

        /** Read and written by the processor only; nothing outside it subscribes. */
        static TopicSpec internal(String name) {
            return new TopicSpec(name, false, Role.INTERNAL);
        }
    }
}

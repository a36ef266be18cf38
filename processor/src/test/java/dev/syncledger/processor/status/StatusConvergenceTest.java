package dev.syncledger.processor.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Property: random histories of sync logs, diagnostics and document links (status changes, soft
 * deletes, prunes, unlinks, moves to another connector, redeliveries), interleaved at random across
 * rows with each row's own history in order as Kafka keeps it, and with the hand-over between the
 * stages interleaved at random too, always end in the status the oracle computes from the final rows.
 * Seeded, so a failure names the seed that reproduces it.
 */
class StatusConvergenceTest {

    private static final int SETS = 600;
    private static final int ORDERS_PER_SET = 20;
    private static final int CONTRIBUTION_PARTITIONS = 3;
    private static final List<UUID> CONNECTORS = List.of(StateRows.CONNECTOR, StateRows.OTHER_CONNECTOR,
            UUID.fromString("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"));
    private static final Map<UUID, UUID> WORKSPACES = Map.of(
            CONNECTORS.get(0), StateRows.WORKSPACE,
            CONNECTORS.get(1), StateRows.WORKSPACE,
            CONNECTORS.get(2), UUID.fromString("9e8d7c6b-5a49-4837-a625-140f2e3d4c5b"));
    private static final List<String> REASONS = List.of("auth_failed", "rate_limited", "jury_run", "schema_drift_detected",
            "tool_selection_pinned", "target_skipped", "provider_error");

    /** What the generated histories must make the stages do at least once, or the property proves little. */
    enum Case {
        RUN_CHANGED_STATUS, RUN_SOFT_DELETED, RUN_MOVED_TO_ANOTHER_CONNECTOR, DIAGNOSTIC_PRUNED, DOCUMENT_UNLINKED,
        REDELIVERY_IGNORED, FAILURES_SINCE_A_SUCCESS, FAILURES_WITHOUT_ANY_SUCCESS, COMPLETED_AT_TIE, RECORDS_NOT_COUNTED,
        INFORMATIONAL_AND_FAILURE_DIAGNOSTICS, INPUT_AND_OUTPUT_DOCUMENTS, CONNECTOR_WITH_NOTHING_LEFT
    }

    @Test
    void shouldReachTheOracleStatusForEveryInterleavingOfTheRowsHistories() {
        Set<Case> seen = EnumSet.noneOf(Case.class);
        for (int seed = 0; seed < SETS; seed++) {
            Random random = new Random(seed);
            List<History> histories = randomHistories(random);
            Map<UUID, ConnectorStatusRow> expected = oracle(histories);
            noteExpectedCases(expected, histories, seen);

            for (int order = 0; order < ORDERS_PER_SET; order++) {
                StatusPipeline pipeline = new StatusPipeline();
                interleave(histories, pipeline, random, seen);

                for (UUID connector : CONNECTORS) {
                    assertThat(pipeline.row(connector)).as("seed %d, order %d, connector %s", seed, order, connector)
                            .isEqualTo(expected.get(connector));
                }
                for (UUID connector : CONNECTORS) {
                    assertFreshnessFromEvents(pipeline, connector, histories, seed, order);
                }
                assertThat(pipeline.runs.size()).as("seed %d, order %d: index entries of counted runs", seed, order)
                        .isEqualTo(indexEntries(histories));
                assertRevisionsCount(pipeline, seed, order);
            }
        }
        assertThat(seen).as("cases the generated histories exercised").containsExactlyInAnyOrder(Case.values());
    }

    /**
     * The freshness columns that depend on events only: the expected interval is the median gap of the connector's
     * newest 20 counted runs as the final rows give them, and the next expected time counts from the latest success.
     */
    private static void assertFreshnessFromEvents(StatusPipeline pipeline, UUID connector, List<History> histories, int seed, int order) {
        dev.syncledger.processor.watch.ConnectorWatch watch = pipeline.watches.get(connector);
        ConnectorStatusRow row = pipeline.row(connector);
        if (watch == null || row == null) {
            return;
        }
        List<java.time.Instant> created = histories.stream()
                .filter(h -> !h.states.isEmpty() && h.states.get(h.states.size() - 1) instanceof WorkspaceConnectorSyncLog)
                .map(h -> (WorkspaceConnectorSyncLog) h.states.get(h.states.size() - 1))
                .filter(log -> log.getWorkspaceConnectorId().equals(connector) && log.getDeletedAt() == null)
                .sorted(java.util.Comparator.comparing(WorkspaceConnectorSyncLog::getCreatedAt)
                        .thenComparing(log -> log.getWorkspaceConnectorSyncLogId().toString()).reversed())
                .map(WorkspaceConnectorSyncLog::getCreatedAt)
                .toList();
        java.time.Duration expected = dev.syncledger.processor.watch.ExpectedInterval.learn(created.iterator());
        assertThat(watch.learnedInterval()).as("seed %d, order %d, connector %s: learned interval", seed, order, connector)
                .isEqualTo(expected);
        if (row.runs().lastSuccessAt() != null) {
            assertThat(watch.freshness().nextExpectedAt()).as("seed %d, order %d: next expected", seed, order)
                    .isEqualTo(row.runs().lastSuccessAt().plus(watch.freshness().expectedInterval()));
        }
    }

    private static void assertRevisionsCount(StatusPipeline pipeline, int seed, int order) {
        Map<UUID, Long> lastRevision = new HashMap<>();
        for (StatusPipeline.Emitted status : pipeline.emitted) {
            UUID connector = status.row().workspaceConnectorId();
            long previous = lastRevision.getOrDefault(connector, 0L);
            assertThat(status.revision()).as("seed %d, order %d: revisions go up by one", seed, order).isEqualTo(previous + 1);
            lastRevision.put(connector, status.revision());
        }
    }

    /**
     * Feeds the histories' records in a random order that keeps each row's order, and between them passes
     * handed-over changes on from random contribution partitions, each partition's in order.
     */
    private static void interleave(List<History> histories, StatusPipeline pipeline, Random random, Set<Case> seen) {
        List<Integer> next = new ArrayList<>(histories.stream().map(h -> 0).toList());
        List<List<ContributionChange>> partitions = new ArrayList<>();
        for (int p = 0; p < CONTRIBUTION_PARTITIONS; p++) {
            partitions.add(new ArrayList<>());
        }
        int remaining = histories.stream().mapToInt(h -> h.states.size()).sum();
        while (remaining > 0 || partitions.stream().anyMatch(p -> !p.isEmpty())) {
            boolean feed = remaining > 0 && (random.nextBoolean() || partitions.stream().allMatch(List::isEmpty));
            if (feed) {
                int pick = pickWithStatesLeft(histories, next, random);
                History history = histories.get(pick);
                SpecificRecord state = history.states.get(next.get(pick));
                next.set(pick, next.get(pick) + 1);
                remaining--;
                int ignoredBefore = pipeline.ignoredAsUnchanged;
                List<ContributionChange> changes = pipeline.handOver(history.topic, history.key, state);
                pipeline.handedOver.clear();
                if (pipeline.ignoredAsUnchanged > ignoredBefore && state != null) {
                    seen.add(Case.REDELIVERY_IGNORED);
                }
                noteChangeCases(changes, seen);
                partitions.get(Math.floorMod(history.key.hashCode(), CONTRIBUTION_PARTITIONS)).addAll(changes);
            } else {
                List<List<ContributionChange>> waiting = partitions.stream().filter(p -> !p.isEmpty()).toList();
                pipeline.deliver(waiting.get(random.nextInt(waiting.size())).remove(0));
            }
        }
    }

    private static int pickWithStatesLeft(List<History> histories, List<Integer> next, Random random) {
        while (true) {
            int pick = random.nextInt(histories.size());
            if (next.get(pick) < histories.get(pick).states.size()) {
                return pick;
            }
        }
    }

    private static void noteChangeCases(List<ContributionChange> changes, Set<Case> seen) {
        if (changes.size() == 2) {
            seen.add(Case.RUN_MOVED_TO_ANOTHER_CONNECTOR);
        }
        for (ContributionChange change : changes) {
            if (change.before() instanceof RunContribution before && change.after() instanceof RunContribution after) {
                if (before.status() != after.status()) {
                    seen.add(Case.RUN_CHANGED_STATUS);
                }
                if (before.counted() && !after.counted()) {
                    seen.add(Case.RUN_SOFT_DELETED);
                }
            }
            if (change.before() instanceof DiagnosticContribution && change.after() == null) {
                seen.add(Case.DIAGNOSTIC_PRUNED);
            }
            if (change.before() instanceof DocumentLinkContribution before && before.active()
                    && change.after() instanceof DocumentLinkContribution after && !after.active()) {
                seen.add(Case.DOCUMENT_UNLINKED);
            }
        }
    }

    private static void noteExpectedCases(Map<UUID, ConnectorStatusRow> expected, List<History> histories, Set<Case> seen) {
        for (ConnectorStatusRow row : expected.values()) {
            RunSummary runs = row.runs();
            ConnectorTotals totals = row.totals();
            if (runs.consecutiveFailures() > 0) {
                seen.add(runs.lastSuccessAt() != null ? Case.FAILURES_SINCE_A_SUCCESS : Case.FAILURES_WITHOUT_ANY_SUCCESS);
            }
            if (totals.activeFailureDiagnostics() > 0 && totals.activeInformationalDiagnostics() > 0) {
                seen.add(Case.INFORMATIONAL_AND_FAILURE_DIAGNOSTICS);
            }
            if (totals.activeInputDocuments() > 0 && totals.activeOutputDocuments() > 0) {
                seen.add(Case.INPUT_AND_OUTPUT_DOCUMENTS);
            }
            if (totals.totalRuns() + totals.activeFailureDiagnostics() + totals.activeInformationalDiagnostics()
                    + totals.activeInputDocuments() + totals.activeOutputDocuments() == 0) {
                seen.add(Case.CONNECTOR_WITH_NOTHING_LEFT);
            }
        }
        List<WorkspaceConnectorSyncLog> finished = finalRows(histories, WorkspaceConnectorSyncLog.class).stream()
                .filter(run -> run.getDeletedAt() == null && run.getCompletedAt() != null
                        && (run.getStatus() == ConnectorSyncStatus.success || run.getStatus() == ConnectorSyncStatus.error))
                .toList();
        for (WorkspaceConnectorSyncLog run : finished) {
            if (finished.stream().anyMatch(other -> other != run && other.getCompletedAt().equals(run.getCompletedAt())
                    && other.getWorkspaceConnectorId().equals(run.getWorkspaceConnectorId()))) {
                seen.add(Case.COMPLETED_AT_TIE);
            }
            if (run.getStatus() == ConnectorSyncStatus.success && run.getMetadata() != null
                    && StateRowContributions.of(run).recordsSynced() == 0) {
                seen.add(Case.RECORDS_NOT_COUNTED);
            }
        }
    }

    private static Map<UUID, ConnectorStatusRow> oracle(List<History> histories) {
        Map<UUID, Instant> updatedAt = new HashMap<>();
        for (History history : histories) {
            for (SpecificRecord state : history.states) {
                Contribution contribution = StatusPipeline.contributionOf(state);
                if (contribution != null) {
                    updatedAt.merge(contribution.workspaceConnectorId(), contribution.seenAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        Map<UUID, ConnectorStatusRow> expected = new LinkedHashMap<>();
        updatedAt.forEach((connector, latest) -> expected.put(connector, ConnectorStatusOracle.expected(connector,
                WORKSPACES.get(connector), latest, finalRows(histories, WorkspaceConnectorSyncLog.class),
                finalRows(histories, ConnectorSyncDiagnostic.class), finalRows(histories, DocumentWorkspaceConnector.class))));
        return expected;
    }

    private static <T> List<T> finalRows(List<History> histories, Class<T> type) {
        return histories.stream()
                .map(history -> history.states.get(history.states.size() - 1))
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** A counted run is in the by-created index, and in the finished index too once it ended. */
    private static int indexEntries(List<History> histories) {
        return finalRows(histories, WorkspaceConnectorSyncLog.class).stream()
                .filter(run -> run.getDeletedAt() == null)
                .mapToInt(run -> run.getStatus() == ConnectorSyncStatus.success || run.getStatus() == ConnectorSyncStatus.error ? 2 : 1)
                .sum();
    }

    /** The successive states of one row on its state topic, a null for a tombstone. */
    record History(String topic, String key, List<SpecificRecord> states) {}

    private static List<History> randomHistories(Random random) {
        List<History> histories = new ArrayList<>();
        int runs = random.nextInt(9);
        for (int i = 0; i < runs; i++) {
            histories.add(runHistory(random, new UUID(random.nextLong(), random.nextLong())));
        }
        int diagnostics = random.nextInt(6);
        for (int i = 0; i < diagnostics; i++) {
            histories.add(diagnosticHistory(random, new UUID(random.nextLong(), random.nextLong())));
        }
        int links = random.nextInt(6);
        for (int i = 0; i < links; i++) {
            histories.add(linkHistory(random, new UUID(random.nextLong(), random.nextLong())));
        }
        return histories;
    }

    private static History runHistory(Random random, UUID syncLogId) {
        UUID connector = CONNECTORS.get(random.nextInt(CONNECTORS.size()));
        List<SpecificRecord> states = new ArrayList<>();
        int length = 1 + random.nextInt(5);
        long createdAt = random.nextInt(20);
        long revision = 1;
        WorkspaceConnectorSyncLog previous = null;
        for (int i = 0; i < length; i++) {
            if (previous != null && random.nextInt(5) == 0) {
                // A redelivery: the same state again, or the same content under the next revision.
                states.add(random.nextBoolean() ? previous : WorkspaceConnectorSyncLog.newBuilder(previous).setRevision(++revision).build());
                continue;
            }
            if (random.nextInt(12) == 0) {
                connector = CONNECTORS.get(random.nextInt(CONNECTORS.size()));
            }
            if (random.nextInt(8) == 0) {
                createdAt = random.nextInt(20);
            }
            previous = runState(random, syncLogId, connector, createdAt, ++revision, previous);
            states.add(previous);
        }
        return new History(Topics.SYNC_LOG_STATE.name(), syncLogId.toString(), states);
    }

    private static WorkspaceConnectorSyncLog runState(Random random, UUID syncLogId, UUID connector, long createdAt, long revision,
                                                      WorkspaceConnectorSyncLog previous) {
        ConnectorSyncStatus status = ConnectorSyncStatus.values()[random.nextInt(ConnectorSyncStatus.values().length)];
        boolean finished = status == ConnectorSyncStatus.success || status == ConnectorSyncStatus.error;
        boolean wasDeleted = previous != null && previous.getDeletedAt() != null;
        boolean deleted = wasDeleted ? random.nextInt(6) != 0 : random.nextInt(5) == 0;
        Instant completedAt = finished ? completion(random, createdAt) : null;
        return WorkspaceConnectorSyncLog.newBuilder()
                .setWorkspaceConnectorSyncLogId(syncLogId)
                .setWorkspaceId(WORKSPACES.get(connector))
                .setWorkspaceConnectorId(connector)
                .setStatus(status)
                .setTriggerType(random.nextBoolean() ? TriggerType.manual : null)
                .setCompletedAt(completedAt)
                .setError(status == ConnectorSyncStatus.error ? "error " + random.nextInt(3) : null)
                .setMetadata(finished ? metadata(random) : null)
                .setCreatedAt(StateRows.t(createdAt))
                .setUpdatedAt(StateRows.t(createdAt + random.nextInt(40)))
                .setDeletedAt(deleted ? StateRows.t(30 + random.nextInt(10)) : null)
                .setRevision(revision)
                .build();
    }

    /** A narrow range of completion times, so that runs often finish in the same millisecond; rarely none at all. */
    private static Instant completion(Random random, long createdAt) {
        return random.nextInt(15) == 0 ? null : StateRows.t(createdAt + random.nextInt(6));
    }

    private static String metadata(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> "{\"records_synced\":\"many\"}";
            case 2 -> "{\"records_synced\":2.5}";
            case 3 -> "{\"connector_slug\":\"pennylane\"}";
            default -> "{\"records_synced\":" + random.nextInt(500) + "}";
        };
    }

    private static History diagnosticHistory(Random random, UUID diagnosticId) {
        UUID connector = CONNECTORS.get(random.nextInt(CONNECTORS.size()));
        ConnectorSyncDiagnostic diagnostic = ConnectorSyncDiagnostic.newBuilder()
                .setDiagnosticId(diagnosticId)
                .setWorkspaceId(WORKSPACES.get(connector))
                .setWorkspaceConnectorId(connector)
                .setTargetModel("invoice")
                .setReason(REASONS.get(random.nextInt(REASONS.size())))
                .setDetail("detail")
                .setOccurredAt(StateRows.t(random.nextInt(60)))
                .setCreatedAt(StateRows.t(0))
                .setUpdatedAt(StateRows.t(0))
                .build();
        List<SpecificRecord> states = new ArrayList<>();
        states.add(diagnostic);
        if (random.nextInt(3) == 0) {
            states.add(diagnostic);
        }
        if (random.nextInt(5) < 2) {
            states.add(null);
            if (random.nextInt(6) == 0) {
                states.add(diagnostic);
            }
        }
        return new History(Topics.DIAGNOSTIC_STATE.name(), diagnosticId.toString(), states);
    }

    private static History linkHistory(Random random, UUID documentId) {
        UUID connector = CONNECTORS.get(random.nextInt(CONNECTORS.size()));
        String direction = random.nextBoolean() ? "input" : "output";
        List<SpecificRecord> states = new ArrayList<>();
        int length = 1 + random.nextInt(4);
        DocumentWorkspaceConnector previous = null;
        for (int i = 0; i < length; i++) {
            if (previous != null && random.nextInt(4) == 0) {
                states.add(previous);
                continue;
            }
            boolean linked = random.nextInt(3) != 0;
            previous = DocumentWorkspaceConnector.newBuilder()
                    .setDocumentId(documentId)
                    .setWorkspaceId(WORKSPACES.get(connector))
                    .setWorkspaceConnectorId(connector)
                    .setDirection(direction)
                    .setCreatedAt(StateRows.t(0))
                    .setUpdatedAt(StateRows.t(i * 10L + random.nextInt(10)))
                    .setDeletedAt(linked ? null : StateRows.t(i * 10L))
                    .setRevision(i + 1)
                    .build();
            states.add(previous);
        }
        if (random.nextInt(10) == 0) {
            states.add(null);
        }
        return new History(Topics.DOCUMENT_LINK_STATE.name(), documentId + "/" + connector + "/" + direction, states);
    }
}

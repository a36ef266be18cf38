package dev.syncledger.processor.status;

import dev.syncledger.processor.store.StoreSerde;
import static dev.syncledger.processor.status.StateRows.diagnostic;
import static dev.syncledger.processor.status.StateRows.link;
import static dev.syncledger.processor.status.StateRows.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.status.store.ConnectorStatusState;
import dev.syncledger.processor.status.store.StatusContributionChange;
import dev.syncledger.schemas.ConnectorSyncStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContributionRecordsTest {

    private final StoreSerde<StatusContributionChange, StatusContributionChange> changes = StoreSerde.ofRecord(StatusContributionChange.getClassSchema());
    private final StoreSerde<ConnectorStatusState, ConnectorStatusState> rows = StoreSerde.ofRecord(ConnectorStatusState.getClassSchema());

    @Test
    void shouldCarryEveryKindOfContributionChangeThroughTheInternalTopicUnchanged() {
        ContributionChange run = new ContributionChange("runs/r",
                StateRowContributions.of(run("r").inProgress().avro()),
                StateRowContributions.of(run("r").failed(10, "HTTP 500").metadata("{\"records_synced\":1}").deleted(11).avro()));
        ContributionChange diagnostic = new ContributionChange("diagnostics/d", null, StateRowContributions.of(diagnostic("d").reason("jury_run").avro()));
        ContributionChange link = new ContributionChange("links/l", StateRowContributions.of(link("doc", "output").avro()), null);

        for (ContributionChange change : new ContributionChange[] {run, diagnostic, link}) {
            byte[] bytes = changes.serializer().serialize("topic", ContributionRecords.toAvro(change));
            assertThat(ContributionRecords.fromAvro(changes.deserializer().deserialize("topic", bytes))).isEqualTo(change);
        }
    }

    @Test
    void shouldRestoreAStoredStatusRowExactly() {
        ConnectorTotals totals = new ConnectorTotals(StateRows.WORKSPACE, 5, 3, 1, 900, 2, 4, 7, 8, StateRows.t(99));
        RunSummary runs = new RunSummary(UUID.randomUUID(), ConnectorSyncStatus.error, StateRows.t(1), StateRows.t(2), StateRows.t(3),
                "HTTP 500", 1);
        StoredStatus stored = new StoredStatus(new ConnectorStatusRow(StateRows.CONNECTOR, totals, runs), 17);
        StoredStatus empty = new StoredStatus(new ConnectorStatusRow(StateRows.CONNECTOR, totals, RunSummary.NO_RUNS), 1);

        for (StoredStatus status : new StoredStatus[] {stored, empty}) {
            byte[] bytes = rows.serializer().serialize("changelog", ConnectorStatusRecords.toState(status));
            assertThat(ConnectorStatusRecords.fromState(rows.deserializer().deserialize("changelog", bytes))).isEqualTo(status);
        }
    }
}

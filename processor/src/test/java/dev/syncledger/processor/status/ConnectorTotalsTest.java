package dev.syncledger.processor.status;

import static dev.syncledger.processor.status.StateRows.diagnostic;
import static dev.syncledger.processor.status.StateRows.link;
import static dev.syncledger.processor.status.StateRows.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectorTotalsTest {

    private final ConnectorTotals empty = new ConnectorTotals(StateRows.WORKSPACE, 0, 0, 0, 0, 0, 0, 0, 0, Instant.EPOCH);

    @Test
    void shouldCountARunOnceWhateverItsStatusAndItsRecordsOnlyOnSuccess() {
        RunContribution scheduled = StateRowContributions.of(run("r").updated(1).avro());
        RunContribution succeeded = StateRowContributions.of(run("r").succeeded(10).metadata("{\"records_synced\":312}").avro());
        RunContribution failed = StateRowContributions.of(run("r").failed(12, "HTTP 500").metadata("{\"records_synced\":5}").avro());

        ConnectorTotals afterSuccess = empty.apply(null, scheduled).apply(scheduled, succeeded);
        ConnectorTotals afterFailure = afterSuccess.apply(succeeded, failed);

        assertThat(afterSuccess).extracting(ConnectorTotals::totalRuns, ConnectorTotals::succeededRuns, ConnectorTotals::failedRuns,
                ConnectorTotals::recordsSyncedTotal).containsExactly(1L, 1L, 0L, 312L);
        assertThat(afterFailure).extracting(ConnectorTotals::totalRuns, ConnectorTotals::succeededRuns, ConnectorTotals::failedRuns,
                ConnectorTotals::recordsSyncedTotal).containsExactly(1L, 0L, 1L, 0L);
    }

    @Test
    void shouldStopCountingASoftDeletedRun() {
        RunContribution succeeded = StateRowContributions.of(run("r").succeeded(10).metadata("{\"records_synced\":7}").avro());
        RunContribution deleted = StateRowContributions.of(run("r").succeeded(10).metadata("{\"records_synced\":7}").deleted(20).avro());

        ConnectorTotals totals = empty.apply(null, succeeded).apply(succeeded, deleted);

        assertThat(totals).extracting(ConnectorTotals::totalRuns, ConnectorTotals::succeededRuns, ConnectorTotals::recordsSyncedTotal)
                .containsExactly(0L, 0L, 0L);
    }

    @Test
    void shouldCountDiagnosticsByKindAndForgetAPrunedOne() {
        DiagnosticContribution failure = StateRowContributions.of(diagnostic("d1").reason("auth_failed").avro());
        DiagnosticContribution informational = StateRowContributions.of(diagnostic("d2").reason("jury_run").avro());

        ConnectorTotals both = empty.apply(null, failure).apply(null, informational);
        ConnectorTotals pruned = both.apply(failure, null);

        assertThat(both).extracting(ConnectorTotals::activeFailureDiagnostics, ConnectorTotals::activeInformationalDiagnostics)
                .containsExactly(1L, 1L);
        assertThat(pruned).extracting(ConnectorTotals::activeFailureDiagnostics, ConnectorTotals::activeInformationalDiagnostics)
                .containsExactly(0L, 1L);
    }

    @Test
    void shouldCountActiveLinksByDirection() {
        DocumentLinkContribution input = StateRowContributions.of(link("doc-1", "input").avro());
        DocumentLinkContribution output = StateRowContributions.of(link("doc-2", "output").avro());
        DocumentLinkContribution unlinked = StateRowContributions.of(link("doc-2", "output").unlinked(5).avro());

        ConnectorTotals totals = empty.apply(null, input).apply(null, output).apply(output, unlinked);

        assertThat(totals).extracting(ConnectorTotals::activeInputDocuments, ConnectorTotals::activeOutputDocuments)
                .containsExactly(1L, 0L);
    }

    @Test
    void shouldKeepTheGreatestUpdatedAtSeenEvenWhenAContributionGoesAway() {
        DiagnosticContribution late = StateRowContributions.of(diagnostic("d").at(90).avro());
        RunContribution early = StateRowContributions.of(run("r").updated(30).avro());

        ConnectorTotals totals = empty.apply(null, late).apply(null, early).apply(late, null);

        assertThat(totals.updatedAt()).isEqualTo(StateRows.t(90));
    }

    @Test
    void shouldReturnToTheSameTotalsWhateverOrderChangesOfDifferentRowsCome() {
        RunContribution a = StateRowContributions.of(run("a").succeeded(1).metadata("{\"records_synced\":3}").avro());
        RunContribution b = StateRowContributions.of(run("b").failed(2, "boom").avro());
        DiagnosticContribution d = StateRowContributions.of(diagnostic("d").avro());

        ConnectorTotals oneWay = empty.apply(null, a).apply(null, b).apply(null, d).apply(a, null);
        ConnectorTotals otherWay = empty.apply(null, d).apply(null, a).apply(a, null).apply(null, b);

        assertThat(oneWay).isEqualTo(otherWay);
    }
}

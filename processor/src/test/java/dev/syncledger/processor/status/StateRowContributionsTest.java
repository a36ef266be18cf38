package dev.syncledger.processor.status;

import static dev.syncledger.processor.status.StateRows.diagnostic;
import static dev.syncledger.processor.status.StateRows.link;
import static dev.syncledger.processor.status.StateRows.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateRowContributionsTest {

    @ParameterizedTest(name = "{0} counts {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"records_synced\":312}|312",
            "{\"records_synced\":312.0}|312",
            "{\"records_synced\":0}|0",
            "{\"records_synced\":2.5}|0",
            "{\"records_synced\":-4}|0",
            "{\"records_synced\":\"312\"}|0",
            "{\"records_synced\":null}|0",
            "{\"records_synced\":123456789012345678901234567890}|0",
            "{\"connector_slug\":\"pennylane\"}|0",
            "[1,2]|0",
            "{broken|0"})
    void shouldReadRecordsSyncedOnlyWhenItIsACount(String metadata, long expected) {
        assertThat(StateRowContributions.of(run("r").succeeded(10).metadata(metadata).avro()).recordsSynced()).isEqualTo(expected);
    }

    @Test
    void shouldCountRecordsOfSuccessfulRunsOnly() {
        assertThat(StateRowContributions.of(run("r").failed(10, "x").metadata("{\"records_synced\":9}").avro()).recordsSynced()).isZero();
        assertThat(StateRowContributions.of(run("r").metadata(null).succeeded(10).avro()).recordsSynced()).isZero();
    }

    @Test
    void shouldTellInformationalDiagnosticReasonsFromFailures() {
        List<String> informational = List.of("jury_run", "jury_disagreement", "schema_drift_detected", "target_skipped",
                "structured_pipeline_degraded", "structured_pipeline_fell_back_to_legacy", "tool_selection_pinned");
        informational.forEach(reason ->
                assertThat(StateRowContributions.of(diagnostic("d").reason(reason).avro()).informational()).as(reason).isTrue());
        List.of("auth_failed", "rate_limited", "some_reason_from_a_newer_producer").forEach(reason ->
                assertThat(StateRowContributions.of(diagnostic("d").reason(reason).avro()).informational()).as(reason).isFalse());
    }

    @Test
    void shouldTakeADiagnosticsOccurredAtAndALinksUpdatedAtAsSeenAt() {
        assertThat(StateRowContributions.of(diagnostic("d").at(42).avro()).seenAt()).isEqualTo(StateRows.t(42));
        assertThat(StateRowContributions.of(link("doc", "input").updated(17).avro()).seenAt()).isEqualTo(StateRows.t(17));
    }

    @Test
    void shouldCountALinkOnlyWhileItIsNotDeleted() {
        assertThat(StateRowContributions.of(link("doc", "input").avro()).active()).isTrue();
        assertThat(StateRowContributions.of(link("doc", "input").unlinked(3).avro()).active()).isFalse();
    }
}

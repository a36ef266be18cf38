package dev.syncledger.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DiagnosticLinesTest {

    private static final String COMMON = "\"event_id\":\"8e944239-b02b-41c4-a3d7-0628ece66fa2\",\"occurred_at\":\"2026-06-01T14:32:07Z\","
            + "\"workspace_id\":\"c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90\",\"workspace_connector_id\":\"a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512\","
            + "\"diagnostic_id\":\"a3f7e812-0c2e-4d1b-9b4a-001122334455\"";

    private final EventLineParser parser = new EventLineParser();

    @Test
    void shouldReadAFullDiagnosticKeyedByDiagnosticId() throws Exception {
        OutgoingEvent event = parser.parse("{\"type\":\"diagnostic.emitted\"," + COMMON + ",\"target_model\":\"invoice\","
                + "\"tool_name\":\"pennylane_get_invoices\",\"reason\":\"mapped_entities_dropped\",\"http_status\":200,"
                + "\"detail\":\"Validator rejected 12/12 mapped entities\"}");

        assertThat(event.type()).isEqualTo("diagnostic.emitted");
        assertThat(event.topic()).isEqualTo(Topics.DIAGNOSTICS.name());
        assertThat(event.key()).isEqualTo("a3f7e812-0c2e-4d1b-9b4a-001122334455");
        DiagnosticEvent value = (DiagnosticEvent) event.value();
        assertThat(value.getEventId()).isEqualTo(UUID.fromString("8e944239-b02b-41c4-a3d7-0628ece66fa2"));
        assertThat(value.getOccurredAt()).isEqualTo(Instant.parse("2026-06-01T14:32:07Z"));
        assertThat(value.getWorkspaceId()).isEqualTo(UUID.fromString("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90"));
        assertThat(value.getWorkspaceConnectorId()).isEqualTo(UUID.fromString("a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512"));
        assertThat(value.getDiagnosticId()).isEqualTo(UUID.fromString("a3f7e812-0c2e-4d1b-9b4a-001122334455"));
        assertThat(value.getTargetModel()).isEqualTo("invoice");
        assertThat(value.getToolName()).isEqualTo("pennylane_get_invoices");
        assertThat(value.getReason()).isEqualTo("mapped_entities_dropped");
        assertThat(value.getHttpStatus()).isEqualTo(200);
        assertThat(value.getDetail()).isEqualTo("Validator rejected 12/12 mapped entities");
    }

    @Test
    void shouldLeaveOutTheOptionalFields() throws Exception {
        DiagnosticEvent value = read("\"target_model\":\"journal\",\"reason\":\"mapping_generation_hard_fail\",\"detail\":\"x\"");

        assertThat(value.getToolName()).isNull();
        assertThat(value.getHttpStatus()).isNull();
        assertThat(read("\"target_model\":\"journal\",\"reason\":\"jury_run\",\"tool_name\":null,\"http_status\":null").getDetail()).isNull();
    }

    @Test
    void shouldPublishWhatOnlyTheProcessorRejects() throws Exception {
        DiagnosticEvent value = read("\"target_model\":\"purchase_order\",\"reason\":\"quota_exceeded\",\"http_status\":700");

        assertThat(value.getTargetModel()).isEqualTo("purchase_order");
        assertThat(value.getReason()).isEqualTo("quota_exceeded");
        assertThat(value.getHttpStatus()).isEqualTo(700);
        assertThat(value.getDetail()).isNull();
    }

    @Test
    void shouldRefuseAFieldOfTheWrongJsonType() {
        assertInvalid("\"target_model\":\"invoice\",\"reason\":\"jury_run\",\"http_status\":\"200\"", "http_status");
        assertInvalid("\"target_model\":\"invoice\",\"reason\":\"jury_run\",\"http_status\":200.5", "http_status");
        assertInvalid("\"target_model\":\"invoice\",\"reason\":\"jury_run\",\"http_status\":4294967296", "http_status");
        assertInvalid("\"target_model\":3,\"reason\":\"jury_run\"", "target_model");
        assertInvalid("\"target_model\":\"invoice\",\"reason\":[\"jury_run\"]", "reason");
        assertInvalid("\"target_model\":\"invoice\",\"reason\":\"jury_run\",\"detail\":{\"text\":\"x\"}", "detail");
    }

    @Test
    void shouldRefuseALineWithoutTargetModelOrReason() {
        assertInvalid("\"reason\":\"jury_run\"", "target_model");
        assertInvalid("\"target_model\":\"invoice\"", "reason");
    }

    @Test
    void shouldRefuseABadUuidOrTimestamp() {
        assertThatThrownBy(() -> parser.parse("{\"type\":\"diagnostic.emitted\"," + COMMON.replace("a3f7e812-0c2e-4d1b-9b4a-001122334455", "diag-1")
                + ",\"target_model\":\"invoice\",\"reason\":\"jury_run\"}"))
                .isInstanceOf(InvalidEventLineException.class).hasMessageContaining("diagnostic_id");
        assertThatThrownBy(() -> parser.parse("{\"type\":\"diagnostic.emitted\"," + COMMON.replace("2026-06-01T14:32:07Z", "yesterday")
                + ",\"target_model\":\"invoice\",\"reason\":\"jury_run\"}"))
                .isInstanceOf(InvalidEventLineException.class).hasMessageContaining("occurred_at");
        assertThatThrownBy(() -> parser.parse("{\"type\":\"diagnostic.emitted\"," + COMMON.replace("\"diagnostic_id\":\"a3f7e812-0c2e-4d1b-9b4a-001122334455\"", "\"diagnostic_id\":7")
                + ",\"target_model\":\"invoice\",\"reason\":\"jury_run\"}"))
                .isInstanceOf(InvalidEventLineException.class).hasMessageContaining("diagnostic_id");
    }

    private DiagnosticEvent read(String fields) throws InvalidEventLineException {
        return (DiagnosticEvent) parser.parse("{\"type\":\"diagnostic.emitted\"," + COMMON + "," + fields + "}").value();
    }

    private void assertInvalid(String fields, String named) {
        assertThatThrownBy(() -> read(fields)).isInstanceOf(InvalidEventLineException.class).hasMessageContaining(named);
    }
}

package dev.syncledger.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.collect.CollectDeleted;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.collect.CollectStatusChanged;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CollectLinesTest {

    private static final String COLLECT = "a3f7c2e1-84b0-4d9e-9c12-1e8f7a3b5d22";
    private static final String WORKSPACE = "7e91cd02-0a3b-4f55-8811-fedcba987654";
    private static final String CONNECTOR = "a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512";
    private static final String PEOPLE = "d8b1a4f2-11cc-4e77-b933-abc123456789";
    private static final String TASK = "5b0c7d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e";
    private static final String EVENT = "0b7e6d5c-4a39-4b28-9c17-e6f5d4c3b2a1";

    private final EventLineParser parser = new EventLineParser();

    @Test
    void shouldReadAFullStatusChangeKeyedByCollectId() throws Exception {
        OutgoingEvent event = parser.parse("""
                {"type":"collect.status_changed","event_id":"%s","occurred_at":"2026-06-02T09:20:00.250Z",
                 "collect_id":"%s","status":"error","people_id":"%s","provider":"linkedin","task_id":"%s",
                 "started_at":"2026-06-02T09:15:00Z","ended_at":"2026-06-02T11:19:58+02:00","error":"captcha wall",
                 "workspace_id":"%s","workspace_connector_id":"%s"}
                """.formatted(EVENT, COLLECT, PEOPLE, TASK, WORKSPACE, CONNECTOR).replace("\n", ""));

        assertThat(event.type()).isEqualTo("collect.status_changed");
        assertThat(event.topic()).isEqualTo(Topics.COLLECTS.name());
        assertThat(event.key()).isEqualTo(COLLECT);
        CollectEvent avro = (CollectEvent) event.value();
        assertThat(avro.getEventId()).isEqualTo(UUID.fromString(EVENT));
        assertThat(avro.getOccurredAt()).isEqualTo(Instant.parse("2026-06-02T09:20:00.250Z"));
        assertThat(avro.getWorkspaceId()).isEqualTo(UUID.fromString(WORKSPACE));
        assertThat(avro.getWorkspaceConnectorId()).isEqualTo(UUID.fromString(CONNECTOR));
        assertThat(avro.getCollectId()).isEqualTo(UUID.fromString(COLLECT));
        CollectStatusChanged changed = (CollectStatusChanged) avro.getPayload();
        assertThat(changed.getStatus()).isEqualTo("error");
        assertThat(changed.getPeopleId()).isEqualTo(UUID.fromString(PEOPLE));
        assertThat(changed.getProvider()).isEqualTo("linkedin");
        assertThat(changed.getTaskId()).isEqualTo(UUID.fromString(TASK));
        assertThat(changed.getStartedAt()).isEqualTo(Instant.parse("2026-06-02T09:15:00Z"));
        assertThat(changed.getEndedAt()).isEqualTo(Instant.parse("2026-06-02T09:19:58Z"));
        assertThat(changed.getError()).isEqualTo("captcha wall");
    }

    @Test
    void shouldLeaveOptionalFieldsNullAndPassUnknownStatusAndMissingPersonToTheProcessor() throws Exception {
        OutgoingEvent event = parser.parse(line("collect.status_changed", "\"status\":\"cancelled\",\"provider\":null"));

        CollectEvent avro = (CollectEvent) event.value();
        assertThat(avro.getWorkspaceConnectorId()).isNull();
        CollectStatusChanged changed = (CollectStatusChanged) avro.getPayload();
        assertThat(changed.getStatus()).isEqualTo("cancelled");
        assertThat(changed.getPeopleId()).isNull();
        assertThat(changed.getProvider()).isNull();
        assertThat(changed.getTaskId()).isNull();
        assertThat(changed.getStartedAt()).isNull();
        assertThat(changed.getEndedAt()).isNull();
        assertThat(changed.getError()).isNull();
    }

    @Test
    void shouldReadADeletion() throws Exception {
        OutgoingEvent event = parser.parse(line("collect.deleted", "\"workspace_connector_id\":\"" + CONNECTOR + "\""));

        assertThat(event.key()).isEqualTo(COLLECT);
        CollectEvent avro = (CollectEvent) event.value();
        assertThat(avro.getPayload()).isInstanceOf(CollectDeleted.class);
        assertThat(avro.getWorkspaceConnectorId()).isEqualTo(UUID.fromString(CONNECTOR));
    }

    @Test
    void shouldRefuseAStatusChangeWithoutStatus() {
        assertInvalid(line("collect.status_changed", "\"people_id\":\"" + PEOPLE + "\""), "missing required field status");
    }

    @Test
    void shouldRefuseFieldsOfTheWrongJsonType() {
        assertInvalid(line("collect.status_changed", "\"status\":3"), "status must be a string, not number");
        assertInvalid(line("collect.status_changed", "\"status\":\"todo\",\"provider\":{\"slug\":\"linkedin\"}"),
                "provider must be a string, not object");
        assertInvalid(line("collect.status_changed", "\"status\":\"todo\",\"people_id\":42"), "people_id must be a string, not number");
        assertInvalid(line("collect.status_changed", "\"status\":\"todo\",\"started_at\":1717320000"),
                "started_at must be an ISO-8601 instant string, not number");
    }

    @Test
    void shouldRefuseBadUuids() {
        assertInvalid(line("collect.status_changed", "\"status\":\"todo\",\"people_id\":\"not-a-uuid\""), "people_id 'not-a-uuid' is not a UUID");
        assertInvalid(line("collect.status_changed", "\"status\":\"todo\",\"task_id\":\"1-2-3-4-5\""), "task_id '1-2-3-4-5' is not a UUID");
        assertInvalid(line("collect.deleted", "\"workspace_connector_id\":\"xyz\""), "workspace_connector_id 'xyz' is not a UUID");
        assertInvalid(line("collect.deleted", "").replace(COLLECT, "nope"), "collect_id 'nope' is not a UUID");
    }

    @Test
    void shouldRefuseBadTimestamps() {
        assertInvalid(line("collect.status_changed", "\"status\":\"finalized\",\"ended_at\":\"yesterday\""),
                "ended_at 'yesterday' is not an ISO-8601 instant");
        assertInvalid(line("collect.status_changed", "\"status\":\"in_progress\",\"started_at\":\"2026-06-02 09:15\""),
                "started_at '2026-06-02 09:15' is not an ISO-8601 instant");
        assertInvalid(line("collect.deleted", "").replace("2026-06-02T09:20:00Z", "2026-13-02T09:20:00Z"),
                "occurred_at '2026-13-02T09:20:00Z' is not an ISO-8601 instant");
    }

    private static String line(String type, String extraFields) {
        return "{\"type\":\"" + type + "\",\"event_id\":\"" + EVENT + "\",\"occurred_at\":\"2026-06-02T09:20:00Z\","
                + "\"collect_id\":\"" + COLLECT + "\",\"workspace_id\":\"" + WORKSPACE + "\""
                + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }

    private void assertInvalid(String line, String message) {
        assertThatThrownBy(() -> parser.parse(line)).isInstanceOf(InvalidEventLineException.class).hasMessageContaining(message);
    }
}

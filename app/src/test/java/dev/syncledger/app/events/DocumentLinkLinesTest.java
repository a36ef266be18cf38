package dev.syncledger.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.documentlink.DocumentLinked;
import dev.syncledger.schemas.documentlink.DocumentUnlinked;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentLinkLinesTest {

    private static final String EVENT_ID = "8e944239-b02b-41c4-a3d7-0628ece66fa2";
    private static final String WORKSPACE = "c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90";
    private static final String CONNECTOR = "a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512";
    private static final String DOCUMENT = "e3f1a2b4-cc90-4d5e-b8f7-123456789abc";

    private final EventLineParser parser = new EventLineParser();

    @Test
    void shouldReadALinkKeyedByItsDocument() throws Exception {
        OutgoingEvent event = parser.parse(line("document.linked", "\"input\""));

        assertThat(event.type()).isEqualTo("document.linked");
        assertThat(event.topic()).isEqualTo(Topics.DOCUMENT_LINKS.name());
        assertThat(event.key()).isEqualTo(DOCUMENT);
        DocumentLinkEvent value = (DocumentLinkEvent) event.value();
        assertThat(value.getEventId()).isEqualTo(UUID.fromString(EVENT_ID));
        assertThat(value.getOccurredAt()).isEqualTo(Instant.parse("2026-06-02T08:14:47.200Z"));
        assertThat(value.getWorkspaceId()).isEqualTo(UUID.fromString(WORKSPACE));
        assertThat(value.getWorkspaceConnectorId()).isEqualTo(UUID.fromString(CONNECTOR));
        assertThat(value.getDocumentId()).isEqualTo(UUID.fromString(DOCUMENT));
        assertThat(value.getDirection()).isEqualTo("input");
        assertThat(value.getPayload()).isInstanceOf(DocumentLinked.class);
    }

    @Test
    void shouldReadAnUnlink() throws Exception {
        DocumentLinkEvent value = (DocumentLinkEvent) parser.parse(line("document.unlinked", "\"output\"")).value();

        assertThat(value.getPayload()).isInstanceOf(DocumentUnlinked.class);
        assertThat(value.getDirection()).isEqualTo("output");
    }

    @Test
    void shouldPassAnUnknownDirectionOnForTheProcessorToReject() throws Exception {
        DocumentLinkEvent value = (DocumentLinkEvent) parser.parse(line("document.linked", "\"sideways\"")).value();

        assertThat(value.getDirection()).isEqualTo("sideways");
    }

    @Test
    void shouldRefuseADirectionThatIsNotAString() {
        assertThatThrownBy(() -> parser.parse(line("document.linked", "1")))
                .isInstanceOf(InvalidEventLineException.class).hasMessageContaining("direction must be a string");
        assertThatThrownBy(() -> parser.parse(line("document.linked", "[\"input\"]")))
                .isInstanceOf(InvalidEventLineException.class).hasMessageContaining("direction");
    }

    @Test
    void shouldRefuseAMissingDirection() {
        assertThatThrownBy(() -> parser.parse(line("document.unlinked", "null")))
                .isInstanceOf(InvalidEventLineException.class).hasMessageContaining("missing required field direction");
    }

    @Test
    void shouldRefuseABadDocumentUuid() {
        String bad = line("document.linked", "\"input\"").replace(DOCUMENT, "doc-42");

        assertThatThrownBy(() -> parser.parse(bad))
                .isInstanceOf(InvalidEventLineException.class).hasMessageContaining("document_id 'doc-42' is not a UUID");
    }

    @Test
    void shouldRefuseADocumentIdThatIsNotAString() {
        String bad = line("document.linked", "\"input\"").replace("\"" + DOCUMENT + "\"", "42");

        assertThatThrownBy(() -> parser.parse(bad))
                .isInstanceOf(InvalidEventLineException.class).hasMessageContaining("document_id must be a UUID string");
    }

    @Test
    void shouldRefuseABadTimestamp() {
        String bad = line("document.linked", "\"input\"").replace("2026-06-02T08:14:47.200Z", "yesterday");

        assertThatThrownBy(() -> parser.parse(bad))
                .isInstanceOf(InvalidEventLineException.class).hasMessageContaining("occurred_at 'yesterday'");
    }

    private static String line(String type, String directionJson) {
        return "{\"type\":\"" + type + "\",\"event_id\":\"" + EVENT_ID + "\",\"occurred_at\":\"2026-06-02T08:14:47.200Z\","
                + "\"workspace_id\":\"" + WORKSPACE + "\",\"workspace_connector_id\":\"" + CONNECTOR + "\","
                + "\"document_id\":\"" + DOCUMENT + "\",\"direction\":" + directionJson + "}";
    }
}

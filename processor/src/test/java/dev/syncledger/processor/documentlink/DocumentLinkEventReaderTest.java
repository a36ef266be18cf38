package dev.syncledger.processor.documentlink;

import static dev.syncledger.processor.documentlink.DocumentLinkEvents.linked;
import static dev.syncledger.processor.documentlink.DocumentLinkEvents.unlinked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentLinkEventReaderTest {

    private static final String KEY = DocumentLinkEvents.DOCUMENT.toString();

    private final DocumentLinkEventReader reader = new DocumentLinkEventReader();

    @Test
    void shouldReadBothKindsAndBothDirections() throws Exception {
        DocumentLinkEvents link = linked().at(3).direction("output");

        LinkEvent event = reader.read(KEY, link.avro());

        assertThat(event.eventId()).isEqualTo(link.eventId());
        assertThat(event.occurredAt()).isEqualTo(DocumentLinkEvents.t(3));
        assertThat(event.workspaceId()).isEqualTo(DocumentLinkEvents.WORKSPACE);
        assertThat(event.kind()).isEqualTo(LinkEventKind.LINKED);
        assertThat(event.key()).isEqualTo(new DocumentLinkKey(DocumentLinkEvents.DOCUMENT, DocumentLinkEvents.CONNECTOR, LinkDirection.OUTPUT));
        assertThat(reader.read(KEY, unlinked().avro()).kind()).isEqualTo(LinkEventKind.UNLINKED);
        assertThat(reader.read(KEY, unlinked().avro()).key().direction()).isEqualTo(LinkDirection.INPUT);
    }

    @Test
    void shouldCallAMissingRequiredFieldMalformed() {
        DocumentLinkEvent avro = linked().avro();
        avro.setDocumentId(null);

        assertThatThrownBy(() -> reader.read(KEY, avro)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("required field");
    }

    @Test
    void shouldCallAKeyOtherThanTheDocumentIdMalformed() {
        DocumentLinkEvents event = linked();

        assertThatThrownBy(() -> reader.read(UUID.randomUUID().toString(), event.avro()))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.getMessage()).contains("must equal document_id");
                    assertThat(e.eventId()).isEqualTo(event.eventId());
                });
        assertThatThrownBy(() -> reader.read(null, event.avro())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void shouldCallATimeOutsideTheYears1970To9999Malformed() {
        assertThatThrownBy(() -> reader.read(KEY, linked().at(Instant.parse("1969-12-31T23:59:59Z")).avro()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("occurred_at");
        assertThatThrownBy(() -> reader.read(KEY, linked().at(Instant.parse("+10000-01-01T00:00:00Z")).avro()))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void shouldCallANulInTheDirectionMalformed() {
        assertThatThrownBy(() -> reader.read(KEY, linked().direction("in\u0000put").avro()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("NUL");
    }

    @Test
    void shouldReportADirectionOtherThanInputOrOutputAsUnknown() {
        for (String direction : new String[] {"sideways", "Input", " output", ""}) {
            DocumentLinkEvents event = linked().direction(direction);
            assertThatThrownBy(() -> reader.read(KEY, event.avro()))
                    .as("direction '%s'", direction)
                    .isInstanceOfSatisfying(UnknownDirectionException.class, e -> {
                        assertThat(e.eventId()).isEqualTo(event.eventId());
                        assertThat(e.getMessage()).contains("'" + direction + "'");
                    });
        }
    }

    @Test
    void shouldPreferMalformedOverAnUnknownDirection() {
        assertThatThrownBy(() -> reader.read("not-the-document", linked().direction("sideways").avro()))
                .isInstanceOf(MalformedEventException.class);
    }
}

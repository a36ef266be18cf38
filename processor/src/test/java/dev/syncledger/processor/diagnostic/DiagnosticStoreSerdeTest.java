package dev.syncledger.processor.diagnostic;

import static dev.syncledger.processor.diagnostic.DiagnosticEvents.emitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DiagnosticStoreSerdeTest {

    private final DiagnosticStoreSerde serde = new DiagnosticStoreSerde();

    @Test
    void shouldRestoreAStoredDiagnosticExactlyIncludingOriginBytesAndConflictingIds() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(
                emitted().id("00000000-0000-4000-8000-000000000003"),
                emitted().id("00000000-0000-4000-8000-000000000001").tool(null).httpStatus(null),
                emitted().id("00000000-0000-4000-8000-000000000002"));
        StoredDiagnostic stored = run.stored(DiagnosticEvents.DIAGNOSTIC);
        assertThat(stored.conflictingEventIds()).hasSize(2);

        StoredDiagnostic restored = serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", stored));

        assertThat(restored).isEqualTo(stored);
        assertThat(restored.origin().value()).isEqualTo(stored.origin().value()).isNotNull();
    }

    @Test
    void shouldRefuseBytesThatAreNotAStoredDiagnostic() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class);
    }
}

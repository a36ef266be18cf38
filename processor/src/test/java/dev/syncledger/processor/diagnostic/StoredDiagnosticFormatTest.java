package dev.syncledger.processor.diagnostic;

import static dev.syncledger.processor.diagnostic.DiagnosticEvents.emitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.schemas.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StoredDiagnosticFormatTest {

    private final BinarySerde<StoredDiagnostic> serde = DiagnosticFormats.stored(Topics.DIAGNOSTICS.name());

    @Test
    void shouldRestoreAStoredDiagnosticExactlyIncludingPositionAndConflictingIds() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(
                emitted().id("00000000-0000-4000-8000-000000000003"),
                emitted().id("00000000-0000-4000-8000-000000000001").tool(null).httpStatus(null),
                emitted().id("00000000-0000-4000-8000-000000000002"));
        StoredDiagnostic stored = run.stored(DiagnosticEvents.DIAGNOSTIC);
        assertThat(stored.conflictingEventIds()).hasSize(2);

        StoredDiagnostic restored = serde.decode(serde.encode(stored));

        assertThat(restored).isEqualTo(stored);
        assertThat(restored.origin().value()).isNull();
    }

    @Test
    void shouldRefuseBytesThatAreNotAStoredDiagnostic() {
        assertThatThrownBy(() -> serde.decode(new byte[] {1, 2, 3})).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.decode(new byte[] {9, 2, 3})).isInstanceOf(SerializationException.class)
                .hasMessageContaining("format version 9");
    }
}

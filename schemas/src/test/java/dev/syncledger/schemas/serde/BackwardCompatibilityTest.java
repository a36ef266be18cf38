package dev.syncledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.alert.ConnectorAlert;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.state.Collect;
import dev.syncledger.schemas.state.ConnectorStatus;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Today's schemas must read every record an earlier release wrote. When this fails, the change to the .avsc is
 * the problem: give the new field a default, or keep the old one, rather than editing the released baseline.
 */
class BackwardCompatibilityTest {

    static Stream<Schema> currentSchemas() {
        return Stream.of(SyncRunEvent.getClassSchema(), WorkspaceConnectorSyncLog.getClassSchema(),
                RejectedEvent.getClassSchema(), DiagnosticEvent.getClassSchema(), DocumentLinkEvent.getClassSchema(),
                CollectEvent.getClassSchema(), ConnectorSyncDiagnostic.getClassSchema(), DocumentWorkspaceConnector.getClassSchema(),
                Collect.getClassSchema(), ConnectorStatus.getClassSchema(), ConnectorAlert.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaReadsEveryReleasedVersion(Schema current) {
        assertThat(ReleasedSchemas.of(current)).as("released versions of " + current.getName()).isNotEmpty();
        for (Schema released : ReleasedSchemas.of(current)) {
            assertBackwardCompatible(current, released);
        }
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void theLatestReleasedVersionIsTheCurrentSchema(Schema current) {
        List<Schema> released = ReleasedSchemas.of(current);
        // Single-object records name their writer by fingerprint only: a schema the processor writes but never
        // released becomes unreadable as soon as the contract moves on.
        assertThat(SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1)))
                .as("a released baseline of today's " + current.getName() + ": add the next -vN.avsc with the change")
                .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
    }

    @Test
    void theCheckCatchesANewRequiredFieldWithoutADefault() {
        Schema incompatible = SampleRecords.testSchema("SyncRunEvent-incompatible.avsc");
        Schema releasedV1 = ReleasedSchemas.of(SyncRunEvent.getClassSchema()).get(0);

        assertThatThrownBy(() -> assertBackwardCompatible(incompatible, releasedV1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("tenant_id");
    }

    @Test
    void theCheckPassesAnAddedOptionalField() {
        // The older fixture lacks two optional fields the current schema added: the kind of change that is fine.
        assertBackwardCompatible(SyncRunEvent.getClassSchema(), SampleRecords.testSchema("SyncRunEvent-older.avsc"));
    }

    static void assertBackwardCompatible(Schema current, Schema released) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            String problems = result.getResult().getIncompatibilities().stream()
                    .map(problem -> problem.getType() + " " + problem.getMessage() + " at " + problem.getLocation())
                    .collect(Collectors.joining("; "));
            throw new AssertionError("current " + current.getFullName()
                    + " cannot read records written with a released version: " + problems);
        }
    }
}

package dev.syncledger.sink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import dev.syncledger.sink.write.SinkWriter;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What deleting a parent does to the rows that point at it, as the data model wants. */
class DeleteRulesIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    interface Deletions {
        @SqlUpdate("DELETE FROM tasks WHERE task_id = :id")
        int deleteTask(@Bind("id") UUID taskId);

        @SqlUpdate("DELETE FROM workspaces WHERE workspace_id = :id")
        int deleteWorkspace(@Bind("id") UUID workspaceId);

        @SqlUpdate("DELETE FROM workspace_connectors WHERE workspace_connector_id = :id")
        int deleteConnector(@Bind("id") UUID workspaceConnectorId);

        @SqlUpdate("DELETE FROM documents WHERE document_id = :id")
        int deleteDocument(@Bind("id") UUID documentId);

        @SqlQuery("SELECT task_pk IS NULL FROM collects WHERE collect_id = :id")
        boolean collectHasNoTask(@Bind("id") UUID collectId);
    }

    private final SinkRecords records = new SinkRecords();
    private final SinkRecords otherWorkspace = new SinkRecords();
    private final UUID taskId = UUID.randomUUID();
    private final UUID collectId = UUID.randomUUID();
    private final UUID documentId = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "delete-rules-test")).write(records.batch(
                records.state(records.syncLog()),
                records.state(records.diagnostic()),
                records.state(records.link(documentId)),
                records.state(records.collect(collectId).setTaskId(taskId)),
                records.state(records.connectorStatus()),
                records.state(otherWorkspace.syncLog()),
                records.state(otherWorkspace.diagnostic()),
                records.state(otherWorkspace.link(documentId)),
                records.state(otherWorkspace.collect(UUID.randomUUID())),
                records.state(otherWorkspace.connectorStatus())));
    }

    @Test
    void shouldKeepACollectWithoutItsTaskWhenTheTaskIsDeleted() {
        assertThat(deletions().collectHasNoTask(collectId)).isFalse();

        assertThat(deletions().deleteTask(taskId)).isEqualTo(1);

        assertThat(deletions().collectHasNoTask(collectId)).isTrue();
        assertThat(stored().collect(collectId).orElseThrow().taskId()).isNull();
    }

    @Test
    void shouldDeleteEverythingOfAWorkspaceWithIt() {
        deletions().deleteWorkspace(records.workspaceId);

        assertThat(stored().workspaceIds()).containsExactly(otherWorkspace.workspaceId);
        assertThat(stored().connectorCount()).isEqualTo(1);
        assertThat(stored().syncLogCount()).isEqualTo(1);
        assertThat(stored().diagnosticCount()).isEqualTo(1);
        assertThat(stored().linkCount()).isEqualTo(1);
        assertThat(stored().collectCount()).isEqualTo(1);
        assertThat(stored().connectorStatusCount()).isEqualTo(1);
        assertThat(stored().documentIds()).as("documents belong to no workspace").containsExactly(documentId);
        assertThat(stored().peopleIds()).containsExactlyInAnyOrder(records.peopleId, otherWorkspace.peopleId);
        assertThat(stored().taskIds()).containsExactly(taskId);
    }

    @Test
    void shouldDeleteAConnectorsLinksDiagnosticsAndStatusWithIt() {
        deletions().deleteConnector(records.connectorId);

        assertThat(stored().connectorStatus(records.connectorId)).isEmpty();
        assertThat(stored().link(new DocumentLinkKey(documentId, records.connectorId, "input"))).isEmpty();
        assertThat(stored().link(new DocumentLinkKey(documentId, otherWorkspace.connectorId, "input"))).isPresent();
        assertThat(stored().diagnosticCount()).isEqualTo(1);
        assertThat(stored().collect(collectId)).as("a collect belongs to its workspace, not to a connector").isPresent();
    }

    @Test
    void shouldRefuseToDeleteADocumentThatIsStillLinked() {
        assertThatThrownBy(() -> deletions().deleteDocument(documentId))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("document_workspace_connectors_document_pk_fkey");
    }

    private Deletions deletions() {
        return POSTGRES.jdbi().onDemand(Deletions.class);
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }
}

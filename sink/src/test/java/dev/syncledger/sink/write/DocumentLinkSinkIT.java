package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.DocumentLinkKey;
import dev.syncledger.sink.db.DocumentLinkRow;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** documents and document_workspace_connectors: one row per document, connector and direction, version-guarded. */
class DocumentLinkSinkIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final String TOPIC = SinkRecords.DOCUMENT_LINK_TOPIC;
    private static final Instant LINKED = SinkRecords.CREATED_AT;
    private static final Instant UNLINKED = LINKED.plusSeconds(3600);
    private static final Instant RELINKED = UNLINKED.plusSeconds(3600);

    private SinkRecords records;
    private SinkWriter writer;
    private UUID documentId;

    @BeforeEach
    void setUp() {
        records = new SinkRecords();
        writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "document-link-sink-test"));
        documentId = UUID.randomUUID();
    }

    @Test
    void shouldInsertALinkWithItsDocumentConnectorAndWorkspaceOnFirstSight() {
        WriteResult result = writer.write(records.batch(records.state(records.link(documentId)
                .setDirection("output")
                .setCreatedAt(LINKED)
                .setUpdatedAt(UNLINKED)
                .setDeletedAt(UNLINKED)
                .setRevision(4))));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 0));
        assertThat(stored().documentIds()).containsExactly(documentId);
        assertThat(stored().workspaceOfConnector(records.connectorId)).contains(records.workspaceId);
        DocumentLinkRow row = stored().link(key("output")).orElseThrow();
        assertThat(row.documentId()).isEqualTo(documentId);
        assertThat(row.workspaceId()).isEqualTo(records.workspaceId);
        assertThat(row.workspaceConnectorId()).isEqualTo(records.connectorId);
        assertThat(row.direction()).isEqualTo("output");
        assertThat(row.createdAt()).isEqualTo(LINKED);
        assertThat(row.updatedAt()).isEqualTo(UNLINKED);
        assertThat(row.deletedAt()).isEqualTo(UNLINKED);
        assertThat(row.revision()).isEqualTo(4);
    }

    @Test
    void shouldSoftDeleteOnANewerUnlinkAndClearItOnALaterLink() {
        writer.write(records.batch(records.state(records.link(documentId))));

        writer.write(records.batch(records.state(unlinked(2))));

        assertThat(stored().link(key("input"))).map(DocumentLinkRow::deletedAt).contains(UNLINKED);

        writer.write(records.batch(records.state(records.link(documentId).setUpdatedAt(RELINKED).setRevision(3))));

        DocumentLinkRow row = stored().link(key("input")).orElseThrow();
        assertThat(row.deletedAt()).isNull();
        assertThat(row.createdAt()).isEqualTo(LINKED);
        assertThat(row.updatedAt()).isEqualTo(RELINKED);
        assertThat(row.revision()).isEqualTo(3);
    }

    @Test
    void shouldKeepTheRowWhenAnOlderRevisionArrives() {
        writer.write(records.batch(records.state(unlinked(5))));

        writer.write(records.batch(records.state(records.link(documentId).setRevision(4))));
        writer.write(records.batch(records.state(records.link(documentId).setRevision(5))));

        DocumentLinkRow row = stored().link(key("input")).orElseThrow();
        assertThat(row.deletedAt()).isEqualTo(UNLINKED);
        assertThat(row.revision()).isEqualTo(5);
    }

    @Test
    void shouldKeepEachDirectionOfADocumentAndConnectorInItsOwnRow() {
        writer.write(records.batch(
                records.state(records.link(documentId).setDirection("input")),
                records.state(records.link(documentId).setDirection("output").setCreatedAt(RELINKED).setUpdatedAt(RELINKED))));

        assertThat(stored().linkCount()).isEqualTo(2);
        assertThat(stored().link(key("input"))).map(DocumentLinkRow::createdAt).contains(LINKED);
        assertThat(stored().link(key("output"))).map(DocumentLinkRow::createdAt).contains(RELINKED);
        assertThat(stored().documentIds()).containsExactly(documentId);
    }

    @Test
    void shouldCreateEachDocumentOnceAcrossConnectorsAndBatches() {
        SinkRecords otherConnector = new SinkRecords();
        UUID otherDocument = UUID.randomUUID();

        writer.write(records.batch(records.state(records.link(documentId)), records.state(otherConnector.link(documentId))));
        writer.write(records.batch(records.state(records.link(otherDocument)), records.state(records.link(documentId).setRevision(2))));

        assertThat(stored().documentIds()).containsExactlyInAnyOrder(documentId, otherDocument);
        assertThat(stored().linkCount()).isEqualTo(3);
        assertThat(stored().connectorCount()).isEqualTo(2);
    }

    @Test
    void shouldWriteOnlyTheLastValueOfALinkInABatch() {
        WriteResult result = writer.write(records.batch(
                records.state(records.link(documentId)),
                records.state(unlinked(2)),
                records.state(records.link(documentId).setUpdatedAt(RELINKED).setRevision(3))));

        assertThat(result.rowsWritten()).isEqualTo(1);
        DocumentLinkRow row = stored().link(key("input")).orElseThrow();
        assertThat(row.revision()).isEqualTo(3);
        assertThat(row.deletedAt()).isNull();
    }

    @Test
    void shouldDeleteTheLinkNamedByATombstoneKey() {
        writer.write(records.batch(
                records.state(records.link(documentId).setDirection("input")),
                records.state(records.link(documentId).setDirection("output"))));

        WriteResult result = writer.write(records.batch(records.tombstone(TOPIC, key("output"))));

        assertThat(result).isEqualTo(new WriteResult(0, 1, 0));
        assertThat(stored().link(key("output"))).isEmpty();
        assertThat(stored().link(key("input"))).isPresent();
        assertThat(stored().documentIds()).containsExactly(documentId);
    }

    @Test
    void shouldRejectATombstoneWhoseKeyIsNotALinkKey() {
        writer.write(records.batch(
                records.tombstone(TOPIC, documentId + "/" + records.connectorId),
                records.tombstone(TOPIC, documentId + "/" + records.connectorId + "/sideways")));

        assertThat(stored().rejectedEvents()).extracting(RejectedEventRow::message).containsExactly(
                "a tombstone whose key is not a document_id/workspace_connector_id/direction key: " + documentId + "/" + records.connectorId,
                "a tombstone whose key is not a document_id/workspace_connector_id/direction key: " + documentId + "/"
                        + records.connectorId + "/sideways");
    }

    @Test
    void shouldChangeNothingWhenABatchIsReplayed() {
        UUID deleted = UUID.randomUUID();
        writer.write(records.batch(records.state(records.link(deleted))));
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                records.state(records.link(documentId)),
                records.state(unlinked(2)),
                records.state(records.link(UUID.randomUUID()).setDirection("output")),
                records.tombstone(TOPIC, new DocumentLinkKey(deleted, records.connectorId, "input")));
        writer.write(records.batch(batch));
        List<String> before = stored().snapshot();

        replayingGroup().write(records.batch(batch));

        assertThat(stored().snapshot()).containsExactlyElementsOf(before);
    }

    @Test
    void shouldSetAsideALinkWithAnUnknownDirectionAndWriteTheRest() {
        ConsumerRecord<byte[], byte[]> sideways = records.state(records.link(UUID.randomUUID()).setDirection("sideways"));

        WriteResult result = writer.write(records.batch(records.state(records.link(documentId)), sideways));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 1));
        assertThat(stored().linkCount()).isEqualTo(1);
        assertThat(stored().rejectedEvents()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(SinkRefusals.UNWRITABLE);
            assertThat(rejection.sourceOffset()).isEqualTo(sideways.offset());
            assertThat(rejection.message()).startsWith("PostgreSQL refused document link ").contains("direction_enum");
        });
    }

    private DocumentWorkspaceConnector.Builder unlinked(long revision) {
        return records.link(documentId).setUpdatedAt(UNLINKED).setDeletedAt(UNLINKED).setRevision(revision);
    }

    private DocumentLinkKey key(String direction) {
        return new DocumentLinkKey(documentId, records.connectorId, direction);
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }

    /** A writer of another consumer group re-reading the topic from the start: its offsets cannot stop a replay, only the rows' guards can. */
    private SinkWriter replayingGroup() {
        return new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "replaying-" + UUID.randomUUID()));
    }
}

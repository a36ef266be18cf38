package dev.syncledger.processor.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncledger.processor.synclog.SyncLogRow;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.TriggerType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The workspace connector sync log an ended collect stands for, so that dashboards counting a
 * connector's runs see manual collects too. Derived from the collect's row and its winning terminal
 * event; {@link CollectVerdicts} has already made sure its duration fits.
 */
public final class CollectSyncLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CollectSyncLog() {}

    /** Name-based, so every replay and every processor instance gives a collect the same sync log id. */
    public static UUID idOf(UUID collectId) {
        return UUID.nameUUIDFromBytes(("collect:" + collectId).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<SyncLogRow> derive(CollectLedger ledger) {
        Optional<CollectChange> winner = ledger.winner();
        Optional<CollectRow> row = ledger.row();
        if (winner.isEmpty() || row.isEmpty() || row.get().workspaceConnectorId() == null) {
            return Optional.empty();
        }
        return Optional.of(toSyncLog(row.get(), winner.get()));
    }

    private static SyncLogRow toSyncLog(CollectRow collect, CollectChange end) {
        boolean failed = end.status() == CollectStatus.ERROR;
        Instant completedAt = end.completedAt();
        return new SyncLogRow(
                idOf(collect.collectId()),
                collect.workspaceId(),
                collect.workspaceConnectorId(),
                failed ? ConnectorSyncStatus.error : ConnectorSyncStatus.success,
                TriggerType.manual,
                null,
                collect.startedAt(),
                completedAt,
                collect.startedAt() == null ? null
                        : Math.toIntExact(Duration.between(collect.startedAt(), completedAt).toMillis()),
                failed ? errorText(collect, end) : null,
                metadata(collect),
                collect.createdAt(),
                collect.updatedAt(),
                collect.deletedAt());
    }

    private static String errorText(CollectRow collect, CollectChange end) {
        return end.error() == null || end.error().isBlank() ? "collect " + collect.collectId() + " ended in error" : end.error();
    }

    private static String metadata(CollectRow collect) {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("collect_id", collect.collectId().toString());
        if (collect.provider() != null) {
            metadata.put("provider", collect.provider());
        }
        return metadata.toString();
    }
}

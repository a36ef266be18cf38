package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A batch of collects rows, one array per column, parents resolved to their primary keys; the names are the
 * statement's parameters.
 */
public record CollectColumns(
        UUID[] collectId,
        String[] provider,
        String[] status,
        Instant[] startedAt,
        Instant[] endedAt,
        Instant[] createdAt,
        Instant[] updatedAt,
        Instant[] deletedAt,
        Long[] peoplePk,
        Long[] workspacePk,
        Long[] taskPk,
        Long[] revision) {

    public static CollectColumns of(List<CollectRow> rows, Function<CollectRow, Long> peoplePk, Function<CollectRow, Long> workspacePk,
                                    Function<CollectRow, Long> taskPk) {
        return new CollectColumns(
                Columns.of(rows, CollectRow::collectId, UUID[]::new),
                Columns.of(rows, CollectRow::provider, String[]::new),
                Columns.of(rows, CollectRow::status, String[]::new),
                Columns.of(rows, CollectRow::startedAt, Instant[]::new),
                Columns.of(rows, CollectRow::endedAt, Instant[]::new),
                Columns.of(rows, CollectRow::createdAt, Instant[]::new),
                Columns.of(rows, CollectRow::updatedAt, Instant[]::new),
                Columns.of(rows, CollectRow::deletedAt, Instant[]::new),
                Columns.of(rows, peoplePk, Long[]::new),
                Columns.of(rows, workspacePk, Long[]::new),
                Columns.of(rows, taskPk, Long[]::new),
                Columns.of(rows, CollectRow::revision, Long[]::new));
    }
}

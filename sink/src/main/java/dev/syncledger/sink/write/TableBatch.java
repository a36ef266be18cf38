package dev.syncledger.sink.write;

import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.db.SqlFailure;
import dev.syncledger.sink.table.ParentKeys;
import dev.syncledger.sink.table.ParentRequest;
import dev.syncledger.sink.table.StateTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * One table's share of a batch: the last value per key, as compaction would keep it, split into rows
 * to write and keys to delete, both sorted by key so that concurrent sinks lock rows in the same order.
 */
final class TableBatch<K extends Comparable<? super K>, R> {

    private static final String ROW_SAVEPOINT = "state_row";

    private final StateTable<K, R> table;
    private final List<Upsert<R>> upserts;
    private final List<K> deletions;

    private TableBatch(StateTable<K, R> table, List<Upsert<R>> upserts, List<K> deletions) {
        this.table = table;
        this.upserts = upserts;
        this.deletions = deletions;
    }

    static <K extends Comparable<? super K>, R> Builder<K, R> builder(StateTable<K, R> table) {
        return new Builder<>(table);
    }

    String topic() {
        return table.topic();
    }

    String tableName() {
        return table.tableName();
    }

    List<R> rows() {
        return upserts.stream().map(Upsert::row).toList();
    }

    List<K> deletions() {
        return deletions;
    }

    void requireParents(ParentRequest parents) {
        upserts.forEach(upsert -> table.requireParents(upsert.row(), parents));
    }

    /** Every row in one statement batch; PostgreSQL refusing one fails them all. */
    int writeAll(Handle handle, ParentKeys parents) {
        if (!upserts.isEmpty()) {
            table.write(handle, rows(), parents);
        }
        return upserts.size();
    }

    /** The slow path after PostgreSQL refused a batch: each row under a savepoint, refused rows become rejections. */
    int writeOneByOne(Handle handle, ParentKeys parents, List<RejectedEventRow> rejections) {
        int written = 0;
        for (Upsert<R> upsert : upserts) {
            handle.savepoint(ROW_SAVEPOINT);
            try {
                table.write(handle, List.of(upsert.row()), parents);
                handle.releaseSavepoint(ROW_SAVEPOINT);
                written++;
            } catch (JdbiException e) {
                if (SqlFailure.of(e) != SqlFailure.REFUSED_DATA) {
                    throw e;
                }
                handle.rollbackToSavepoint(ROW_SAVEPOINT);
                rejections.add(refused(upsert, e));
            }
        }
        return written;
    }

    int delete(Handle handle) {
        return deletions.isEmpty() ? 0 : table.delete(handle, deletions);
    }

    private RejectedEventRow refused(Upsert<R> upsert, JdbiException e) {
        return SinkRefusals.unwritable(upsert.origin(), table.describe(upsert.row()), e);
    }

    @Override
    public String toString() {
        return table.topic() + ": " + upserts.size() + " rows, " + deletions.size() + " deletions";
    }

    private record Upsert<R>(R row, RecordOrigin origin) {}

    /** Collects one table's records of a poll; a later record of a key replaces an earlier one. */
    static final class Builder<K extends Comparable<? super K>, R> {

        private final StateTable<K, R> table;
        /** The last row per key, or null for a tombstone. */
        private final Map<K, Upsert<R>> last = new HashMap<>();

        private Builder(StateTable<K, R> table) {
            this.table = table;
        }

        /** Takes the record in; a record that cannot be read comes back as a rejection and changes nothing. */
        Optional<RejectedEventRow> add(RecordOrigin origin) {
            return origin.value() == null ? addTombstone(origin) : addValue(origin);
        }

        private Optional<RejectedEventRow> addTombstone(RecordOrigin origin) {
            K key;
            try {
                key = table.parseKey(origin.key());
            } catch (IllegalArgumentException | NullPointerException e) {
                return Optional.of(SinkRefusals.undecodable(origin,
                        "a tombstone whose key is not a " + table.keyName() + ": " + origin.key()));
            }
            last.put(key, null);
            return Optional.empty();
        }

        private Optional<RejectedEventRow> addValue(RecordOrigin origin) {
            R row;
            try {
                row = table.decode(origin.value());
            } catch (UndecodableRecordException e) {
                return Optional.of(SinkRefusals.undecodable(origin, "cannot decode a " + table.recordName() + ": " + e.getMessage()));
            }
            last.put(table.keyOf(row), new Upsert<>(row, origin));
            return Optional.empty();
        }

        /** Keys held: the rows and deletions the batch will write. */
        int size() {
            return last.size();
        }

        TableBatch<K, R> build() {
            List<K> keys = new ArrayList<>(last.keySet());
            keys.sort(null);
            List<Upsert<R>> upserts = new ArrayList<>();
            List<K> deletions = new ArrayList<>();
            for (K key : keys) {
                Upsert<R> upsert = last.get(key);
                if (upsert == null) {
                    deletions.add(key);
                } else {
                    upserts.add(upsert);
                }
            }
            return new TableBatch<>(table, List.copyOf(upserts), List.copyOf(deletions));
        }
    }
}

package dev.syncledger.sink.table;

import dev.syncledger.schemas.serde.UndecodableRecordException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One compacted state topic and the table it fills: how its records become rows, and how rows reach
 * PostgreSQL. Implementations hold no SQL (that lives in the table's SqlObject) and no state besides
 * their codec, so one instance serves every batch.
 *
 * @param <K> what identifies a row, as the topic's record key spells it; sorting by it gives the lock order
 * @param <R> a row as the state record gives it, parents by their public ids
 */
public interface StateTable<K extends Comparable<? super K>, R> {

    /** The state topic this table is filled from. */
    String topic();

    /** The PostgreSQL table its rows go to, for metrics and messages: {@code workspace_connector_sync_logs}. */
    String tableName();

    /** The Avro record the topic holds, for messages: {@code WorkspaceConnectorSyncLog}. */
    String recordName();

    /** What a record key is, for messages: {@code sync log id}. */
    String keyName();

    /**
     * The row a record value holds.
     *
     * @throws UndecodableRecordException when the value is not a record of this topic
     */
    R decode(byte[] value) throws UndecodableRecordException;

    /**
     * The key of the row a tombstone deletes.
     *
     * @throws IllegalArgumentException when the record key is not a key of this topic
     */
    K parseKey(String recordKey);

    K keyOf(R row);

    /** Names the parent rows the row points at, so that they exist before it is written. */
    void requireParents(R row, ParentRequest parents);

    /**
     * Writes the rows, sorted by key, in one statement batch. Redoing it is harmless: a version guard,
     * or for insert-only rows the unique key, keeps a stored row from regressing.
     */
    void write(Handle handle, List<R> rows, ParentKeys parents);

    /** Deletes the rows with these keys, sorted; returns how many existed. */
    int delete(Handle handle, List<K> keys);

    /** The row in a message, with whatever tells its versions apart: {@code sync log <id> revision 2}. */
    String describe(R row);
}

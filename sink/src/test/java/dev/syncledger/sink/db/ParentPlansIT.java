package dev.syncledger.sink.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.sink.fixtures.PostgresSchema;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The parent statements keep finding a batch's ids through the unique index after their table has grown since they
 * were first used: a plan cached while it was small would scan the whole table for every batch.
 */
class ParentPlansIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Test
    void shouldNotScanTheWholeDocumentsTableOnceItHasGrownUnderAStatementFirstUsedWhileItWasSmall() {
        POSTGRES.jdbi().useHandle(handle -> {
            // A new deployment: statistics of an empty table, first batches small enough that the cached generic
            // plan is made for a few hundred rows, and no autovacuum to refresh it behind the test's back.
            handle.execute("ALTER TABLE documents SET (autovacuum_enabled = false)");
            handle.execute("ANALYZE documents");
            ParentDao parents = handle.attach(ParentDao.class);
            for (int batch = 0; batch < 12; batch++) {
                assertThat(parents.createDocuments(newIds(50))).hasSize(50);
            }
            handle.execute("INSERT INTO documents (document_id) SELECT gen_random_uuid() FROM generate_series(1, 100000)");

            UUID known = handle.createQuery("SELECT document_id FROM documents ORDER BY pk DESC LIMIT 1").mapTo(UUID.class).one();
            UUID[] batch = Stream.concat(Stream.of(known), Arrays.stream(newIds(21))).toArray(UUID[]::new);
            Map<UUID, Long> pks = handle.inTransaction(transaction -> {
                long before = sequentialScansOfDocuments(transaction);
                Map<UUID, Long> found = new HashMap<>(parents.createDocuments(batch));
                assertThat(found).as("created").doesNotContainKey(known).hasSize(batch.length - 1);
                found.putAll(parents.documentPks(new UUID[] {known}));
                assertThat(sequentialScansOfDocuments(transaction) - before).as("sequential scans of documents by these statements").isZero();
                return found;
            });
            assertThat(pks).containsOnlyKeys(batch);
        });
    }

    /**
     * This backend's sequential scans of documents not yet reported to the cumulative statistics: PostgreSQL 15 reports
     * them at most once a second and only between transactions, so the count can include the statements before this
     * transaction, but inside it only grows with the transaction's own scans.
     */
    private static long sequentialScansOfDocuments(Handle transaction) {
        return transaction.createQuery("SELECT pg_stat_get_xact_numscans(CAST('documents' AS regclass))").mapTo(Long.class).one();
    }

    private static UUID[] newIds(int count) {
        return Stream.generate(UUID::randomUUID).limit(count).toArray(UUID[]::new);
    }
}

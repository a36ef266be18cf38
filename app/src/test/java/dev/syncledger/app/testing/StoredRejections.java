package dev.syncledger.app.testing;

import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Reads rejected_events back as a count per reason. */
public final class StoredRejections {

    private StoredRejections() {}

    public static Map<String, Long> countByReason(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT reason, count(*) AS rejected FROM rejected_events GROUP BY reason")
                .reduceRows(new TreeMap<>(), (counts, row) -> {
                    counts.put(row.getColumn("reason", String.class), row.getColumn("rejected", Long.class));
                    return counts;
                }));
    }
}

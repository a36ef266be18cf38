package dev.syncledger.sink.write;

import java.util.Map;

/**
 * What one committed batch did, broken down for metrics: the totals, the rows written per PostgreSQL
 * table (counted as in {@link WriteResult#rowsWritten()}) and the rejected events written per reason.
 */
public record WriteCounts(WriteResult totals, Map<String, Integer> rowsWrittenByTable, Map<String, Integer> rejectedByReason) {

    public WriteCounts {
        rowsWrittenByTable = Map.copyOf(rowsWrittenByTable);
        rejectedByReason = Map.copyOf(rejectedByReason);
    }
}

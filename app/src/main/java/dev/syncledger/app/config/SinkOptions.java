package dev.syncledger.app.config;

import dev.syncledger.sink.SinkConfig;
import picocli.CommandLine.Option;

/** How large a transaction the sink may write: what it holds behind a backlog, and what PostgreSQL is asked to take at once. */
public final class SinkOptions {

    @Option(names = "--sink-max-batch-records", paramLabel = "N", defaultValue = "" + SinkConfig.DEFAULT_MAX_BATCH_RECORDS,
            description = "The most state records one sink transaction folds; a sink that keeps up writes each poll at once, so this"
                    + " (or --sink-max-batch-rows, or 64 MiB of records) is reached only behind a backlog (default: ${DEFAULT-VALUE}).")
    int maxBatchRecords;

    @Option(names = "--sink-max-batch-rows", paramLabel = "N", defaultValue = "" + SinkConfig.DEFAULT_MAX_BATCH_ROWS,
            description = "The most rows, deletions and rejections one sink transaction writes (default: ${DEFAULT-VALUE}).")
    int maxBatchRows;

    public int maxBatchRecords() {
        return maxBatchRecords;
    }

    public int maxBatchRows() {
        return maxBatchRows;
    }
}

package dev.syncledger.app.replay;

import dev.syncledger.schemas.text.Redaction;
import dev.syncledger.app.events.EventLineFeed;
import dev.syncledger.app.events.EventLineReader;
import dev.syncledger.app.events.LineProgress;
import dev.syncledger.app.events.PublishedLines;
import dev.syncledger.app.observability.ObservabilitySettings;
import dev.syncledger.app.pipeline.EmbeddedPipeline;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.db.Database;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a file of JSON event lines through the whole pipeline on an in-process broker: publish,
 * process, sink, and wait until every published event is reflected in PostgreSQL.
 */
public final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    static final String APPLICATION_ID = "sync-ledger-replay";

    private final ReplayOptions options;

    public Replay(ReplayOptions options) {
        this.options = options;
    }

    /** @param lines the events file's bytes, read line by line as they are published */
    public ReplaySummary run(InputStream lines) {
        Instant started = Instant.now();
        try (Database database = Database.connect(options.databaseUrl(), options.schema());
             EmbeddedPipeline pipeline = EmbeddedPipeline.start(new EmbeddedPipeline.Options(options.databaseUrl(), database,
                     options.topology(), options.partitions(), options.applicationId(), options.threads(), options.http()))) {
            PublishedLines fed = new EventLineFeed(pipeline.publisher(), LineProgress.NONE, options.maxLineBytes()).feed(lines);
            pipeline.awaitCaughtUp(options.timeout());
            LOG.info("replay caught up: {} events published, {} lines invalid", fed.published(), fed.invalidLines().size());
            return new ReplaySummary(fed, pipeline.sink().sink().rejectedEventsWritten(), rowCounts(database),
                    Duration.between(started, Instant.now()));
        }
    }

    private static Map<String, Long> rowCounts(Database database) {
        return ReplayCounts.perTable(database.jdbi());
    }

    /** What a replay needs to know; {@code http} is null unless the endpoint was asked for. */
    public record ReplayOptions(String databaseUrl, String schema, TopologyConfig topology, int partitions, Duration timeout,
                                String applicationId, int threads, ObservabilitySettings http, int maxLineBytes) {

        /** One processor thread, the default application id, no HTTP endpoint, the default longest line. */
        public ReplayOptions(String databaseUrl, String schema, TopologyConfig topology, int partitions, Duration timeout) {
            this(databaseUrl, schema, topology, partitions, timeout, APPLICATION_ID, 1, null, EventLineReader.DEFAULT_MAX_LINE_BYTES);
        }

        public SerdeConfig serde() {
            return topology.serde();
        }

        /** Secrets hidden: a settings record ends up in log lines and error messages. */
        @Override
        public String toString() {
            return Redaction.describe(this);
        }
    }
}

package dev.syncledger.sink.write;

import dev.syncledger.schemas.text.OneLine;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.db.SqlFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides how the sink sets a record aside: the reason, a bounded one-line message, and one
 * WARN line for the operator. The rejection is stored with the batch, so a record is set aside exactly once.
 */
public final class SinkRefusals {

    /** A state or rejected record the sink cannot decode. */
    public static final String UNDECODABLE = "sink_undecodable";
    /** A state record PostgreSQL refuses (a constraint or a value out of range). */
    public static final String UNWRITABLE = "sink_unwritable";

    private static final Logger LOG = LoggerFactory.getLogger(SinkRefusals.class);

    private SinkRefusals() {}

    static RejectedEventRow undecodable(RecordOrigin origin, String why) {
        return refused(origin, UNDECODABLE, why);
    }

    static RejectedEventRow unwritable(RecordOrigin origin, String row, RuntimeException refusal) {
        return refused(origin, UNWRITABLE, "PostgreSQL refused " + row + ": " + SqlFailure.describe(refusal));
    }

    private static RejectedEventRow refused(RecordOrigin origin, String reason, String why) {
        String message = OneLine.of(why);
        LOG.warn("Record {} is written to rejected_events as {}: {}", origin, reason, message);
        return origin.rejection(reason, message);
    }
}

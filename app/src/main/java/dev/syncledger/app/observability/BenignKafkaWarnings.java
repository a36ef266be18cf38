package dev.syncledger.app.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;

/**
 * Drops what Kafka prints on healthy starts and stops of sync-ledger, which an operator can do nothing about and
 * would learn to ignore, along with the real warnings beside it:
 * <ul>
 * <li>a metadata response naming only Kafka Streams' own repartition and changelog topics as unknown: Streams
 *     creates them during its first rebalance, and its consumer asks a moment before. A missing input or state
 *     topic still warns (and the start checks stop on it with one line);</li>
 * <li>"Attempting to close NetworkClient that has already been closed", from the in-process broker's shutdown;</li>
 * <li>the in-process broker's ERROR for a new transactional producer's pipelined batches that reach it before the
 *     first one ("Expected sequence 0 for transactions v2 idempotent producer with no existing state"): since
 *     KAFKA-18202 a retriable rejection, which the producer retries in order; a few per transactional producer at
 *     its first transaction, about a hundred at each start of the processor benchmark's runs.</li>
 * </ul>
 * An appender's filter, not a turbo filter: it sees only the events that passed their logger's level, never the
 * level checks Kafka's clients and broker make for every record.
 */
public final class BenignKafkaWarnings extends Filter<ILoggingEvent> {

    static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        Level level = event.getLevel();
        String format = event.getMessage();
        Object[] params = event.getArgumentArray();
        IThrowableProxy thrown = event.getThrowableProxy();
        if (level == Level.ERROR && REPLICA_MANAGER.equals(event.getLoggerName()) && thrown != null
                && OutOfOrderSequenceException.class.getName().equals(thrown.getClassName()) && thrown.getMessage() != null
                && thrown.getMessage().contains("idempotent producer with no existing state")) {
            return FilterReply.DENY;
        }
        if (level != Level.WARN || format == null || !NETWORK_CLIENT.equals(event.getLoggerName())) {
            return FilterReply.NEUTRAL;
        }
        if (format.contains("Attempting to close NetworkClient that has already been closed")) {
            return FilterReply.DENY;
        }
        if (format.contains("reported a recoverable issue") && onlyStreamsOwnTopicsUnknown(errorsOf(format, params))) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /**
     * The {@code topic=ERROR} pairs of the warning: Kafka's client loggers ({@code LogContext}) format the message
     * before logback sees it, so they are read back from its {@code {...}} at the end; an unformatted call carries
     * them as its last argument.
     */
    private static Map<String, String> errorsOf(String format, Object[] params) {
        Map<String, String> errors = new HashMap<>();
        if (params != null && params.length > 0 && params[params.length - 1] instanceof Map<?, ?> map) {
            map.forEach((topic, error) -> errors.put(String.valueOf(topic), String.valueOf(error)));
            return errors;
        }
        int open = format.lastIndexOf(" : {");
        if (open < 0 || !format.endsWith("}")) {
            return errors;
        }
        // Topic names are letters, digits, '.', '_' and '-': neither ", " nor "=" can be part of one.
        for (String pair : format.substring(open + 4, format.length() - 1).split(", ")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                errors.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return errors;
    }

    private static boolean onlyStreamsOwnTopicsUnknown(Map<String, String> errors) {
        if (errors.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> error : errors.entrySet()) {
            boolean streamsOwn = error.getKey().endsWith("-repartition") || error.getKey().endsWith("-changelog");
            if (!streamsOwn || !"UNKNOWN_TOPIC_OR_PARTITION".equals(error.getValue())) {
                return false;
            }
        }
        return true;
    }
}

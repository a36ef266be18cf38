package dev.syncledger.app.pipeline;

import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.rejection.RejectionHandlerSettings;
import dev.syncledger.schemas.text.OneLine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the processor's KafkaStreams instance: start, wait until running, close. A stream thread that dies is
 * replaced, after a growing pause, a bounded number of times ({@link ThreadReplacements}); past that the
 * instance shuts down and {@link #failure()} says why, for readiness and for the command's last line.
 */
public final class ProcessorRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final ThreadReplacements replacements;
    private volatile String failure;

    private ProcessorRunner(KafkaStreams streams, ThreadReplacements replacements) {
        this.streams = streams;
        this.replacements = replacements;
    }

    public static ProcessorRunner start(StreamsSettings settings, TopologyConfig topologyConfig, Duration startTimeout) {
        return start(settings, topologyConfig, startTimeout, ThreadReplacements.DEFAULT.forThreads(settings.threads()));
    }

    public static ProcessorRunner start(StreamsSettings settings, TopologyConfig topologyConfig, Duration startTimeout,
                                        ThreadReplacements.Budget budget) {
        StreamsSettings withHandlers = topologyConfig.serde().schemaRegistry().isPresent()
                ? settings.withOverrides(merged(settings.overrides(), RejectionHandlerSettings.SERDE, topologyConfig.serde()))
                : settings;
        KafkaStreams streams = new KafkaStreams(SyncLedgerTopology.build(topologyConfig), withHandlers.toProperties());
        ProcessorRunner runner = new ProcessorRunner(streams, new ThreadReplacements(budget));
        streams.setUncaughtExceptionHandler(runner::threadFailed);
        streams.start();
        runner.awaitRunning(startTimeout);
        LOG.info("processor running as application {} with {} thread(s), {}", settings.applicationId(), settings.threads(),
                settings.processingGuarantee());
        return runner;
    }

    private void awaitRunning(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING
                    || Instant.now().isAfter(deadline)) {
                KafkaStreams.State state = streams.state();
                streams.close(CLOSE_TIMEOUT);
                throw new PipelineException("the processor did not start within " + timeout.toSeconds() + " s (state " + state
                        + "); is the broker reachable?");
            }
            Pause.briefly();
        }
    }

    /**
     * A stream thread died of what the exception handlers judged the infrastructure's (a record's own failure
     * never gets here: it is rejected). Kafka clients have already retried within their timeouts; a fresh
     * thread resumes from the last committed transaction, so it is worth a few more tries, spaced out.
     */
    private StreamThreadExceptionResponse threadFailed(Throwable error) {
        String cause = OneLine.describe(error);
        Duration pause = replacements.next(Instant.now());
        if (pause == null) {
            failure = "the processor failed " + replacements.budget().attempts() + " times within "
                    + replacements.budget().window().toMinutes() + " min and stopped: " + cause;
            LOG.error("{}", failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("processor thread failed ({}), replacing it in {} ms: {}", replacements.count(), pause.toMillis(), cause);
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Why the processor gave up, once it has; empty while it runs or after a requested stop. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stream threads replaced since the start. */
    public long threadReplacements() {
        return replacements.count();
    }

    /** The running instance, for metrics binders and health checks; its lifecycle stays with this runner. */
    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    private static Map<String, Object> merged(Map<String, Object> overrides, String key, Object value) {
        Map<String, Object> all = new HashMap<>(overrides);
        all.put(key, value);
        return all;
    }

    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
    }
}

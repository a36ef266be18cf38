package dev.syncledger.app.pipeline;

import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the processor's KafkaStreams instance: start, wait until running, close. */
public final class ProcessorRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private ProcessorRunner(KafkaStreams streams) {
        this.streams = streams;
    }

    public static ProcessorRunner start(StreamsSettings settings, TopologyConfig topologyConfig, Duration startTimeout) {
        KafkaStreams streams = new KafkaStreams(SyncLedgerTopology.build(topologyConfig), settings.toProperties());
        streams.setUncaughtExceptionHandler(e -> {
            // Processing itself never throws on bad input (that becomes a rejection); what lands here is
            // an infrastructure failure, and a fresh thread resumes from the last committed transaction.
            LOG.error("processor thread failed, replacing it: {}", e.toString());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        ProcessorRunner runner = new ProcessorRunner(streams);
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
                throw new UserFacingException("the processor did not start within " + timeout.toSeconds() + " s (state " + state
                        + "); is the broker reachable?");
            }
            Pause.briefly();
        }
    }

    /** The running instance, for metrics binders and health checks; its lifecycle stays with this runner. */
    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
    }
}

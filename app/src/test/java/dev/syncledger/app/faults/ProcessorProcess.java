package dev.syncledger.app.faults;

import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.processor.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The processor alone in a JVM of its own, so that a test can kill it for real (SIGKILL: no close, no
 * commit, no flush) or freeze it (SIGSTOP). Arguments: bootstrap servers, state directory, application
 * id, diagnostic retention in ms, prune interval in ms.
 */
public final class ProcessorProcess {

    static final String RUNNING = "fault-suite processor running";

    private ProcessorProcess() {}

    public static void main(String[] args) throws InterruptedException {
        TopologyConfig topology = TopologyConfig.defaults()
                .withDiagnosticRetention(Duration.ofMillis(Long.parseLong(args[3])))
                .withPruneInterval(Duration.ofMillis(Long.parseLong(args[4])));
        ProcessorRunner processor = ProcessorRunner.start(FaultPipeline.streamsSettings(args[0], Path.of(args[1]), args[2]), topology,
                Duration.ofSeconds(120));
        Runtime.getRuntime().addShutdownHook(new Thread(processor::close));
        System.out.println(RUNNING);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}

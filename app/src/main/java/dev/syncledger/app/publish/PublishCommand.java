package dev.syncledger.app.publish;

import dev.syncledger.app.config.DurationConverter;
import dev.syncledger.app.cli.Preflight;
import dev.syncledger.app.cli.ProgressBar;
import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.app.config.CommonOptions;
import dev.syncledger.app.config.EventInputOptions;
import dev.syncledger.app.config.KafkaOptions;
import dev.syncledger.app.config.SchemaRegistryOptions;
import dev.syncledger.app.config.TopicOptions;
import dev.syncledger.app.events.EventLineFeed;
import dev.syncledger.app.events.EventLineReader;
import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.events.LineProgress;
import dev.syncledger.app.events.PublishedLines;
import dev.syncledger.app.events.UndeliveredEventsException;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.SchemaRegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
                "Publishes JSON event lines (a file, or standard input) to the input topics as a connector would: Avro, keyed",
                "by the entity's id, acks=all. Lines that are not events are skipped and listed by line number at the end;",
                "the exit code is 0 as long as every valid event was delivered. A progress bar is drawn on a terminal only.",
                "Every option can also be set with an environment variable (--bootstrap-servers as SYNC_LEDGER_BOOTSTRAP_SERVERS)",
                "or in the --config file (bootstrap-servers=...); a flag wins over the environment, which wins over the file."})
public final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "FILE", defaultValue = "-",
            description = "JSON event lines, one event per line; - reads standard input (default: ${DEFAULT-VALUE}).")
    String events;

    @Option(names = "--delivery-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long an event may wait for the broker before publishing fails (default: ${DEFAULT-VALUE}).")
    Duration deliveryTimeout;

    @Mixin
    EventInputOptions input;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SchemaRegistryOptions registry;

    @Mixin
    TopicOptions topics;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (deliveryTimeout.toMillis() < 1_000) {
            throw new ParameterException(spec.commandLine(), "--delivery-timeout must be at least 1s, not " + deliveryTimeout);
        }
        if (input.maxLineBytes() < EventLineReader.MIN_MAX_LINE_BYTES || input.maxLineBytes() > EventLineReader.MAX_MAX_LINE_BYTES) {
            throw new ParameterException(spec.commandLine(), "--max-line-bytes must be between " + EventLineReader.MIN_MAX_LINE_BYTES
                    + " and " + EventLineReader.MAX_MAX_LINE_BYTES + ", not " + input.maxLineBytes());
        }
        if (!readsStandardInput() && !Files.isRegularFile(Path.of(events))) {
            throw new UserFacingException("no such events file: " + events + "; give --events an existing file, or - for standard input");
        }
        Preflight.Target target;
        try {
            target = Preflight.Target.of(kafka, registry, topics);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Preflight preflight = new Preflight(target);
        try (Admin admin = preflight.admin()) {
            preflight.kafka(admin);
            preflight.schemaRegistry();
            preflight.topics(admin, Topics.INPUTS);
        }
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        PublishedLines fed;
        try (InputStream lines = open();
             EventPublisher publisher = new EventPublisher(target.kafka(), registry.serde(), deliveryTimeout)) {
            fed = new EventLineFeed(publisher, progress(), input.maxLineBytes()).feed(lines);
        } catch (UndeliveredEventsException | KafkaException e) {
            throw new UserFacingException(notDelivered(e), e);
        } catch (SchemaRegistryException e) {
            // The client's own line names the setting to fix (the URL, the credentials or the trust store).
            throw new UserFacingException(e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException("cannot read " + source() + ": " + e.getMessage(), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        out.println("published " + source() + " to Kafka at " + kafka.bootstrapServers());
        fed.print(out);
        out.printf("elapsed           %8.1f s (%.0f events/s)%n", elapsed.toMillis() / 1000.0,
                fed.published() / Math.max(0.001, elapsed.toNanos() / 1e9));
        out.flush();
        return 0;
    }

    private String notDelivered(Exception e) {
        return (e instanceof UndeliveredEventsException ? e.getMessage() : "Kafka refused an event: " + e.getMessage())
                + " (broker at " + kafka.bootstrapServers() + ", --delivery-timeout " + deliveryTimeout.toSeconds()
                + " s); is the broker up? publishing the same lines again is safe, the processor ignores events it has seen";
    }

    /** A bar against the file's line count; standard input is not read twice, so its bar shows a count only. */
    private LineProgress progress() {
        if (System.console() == null) {
            return LineProgress.NONE;
        }
        return new ProgressBar(spec.commandLine().getErr(), "publishing", readsStandardInput() ? -1 : countLines(), System::nanoTime);
    }

    /** Counted as the feed will count them, so that a long line or a stray byte cannot stop the count. */
    private long countLines() {
        try (InputStream lines = Files.newInputStream(Path.of(events))) {
            EventLineReader reader = new EventLineReader(lines, EventLineReader.MIN_MAX_LINE_BYTES);
            long count = 0;
            while (reader.next() != null) {
                count++;
            }
            return count;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Bytes, not characters: the feed decodes each line itself, so that a stray byte spoils that line only. */
    private InputStream open() throws IOException {
        return readsStandardInput() ? System.in : Files.newInputStream(Path.of(events));
    }

    private boolean readsStandardInput() {
        return "-".equals(events);
    }

    private String source() {
        return readsStandardInput() ? "standard input" : events;
    }
}

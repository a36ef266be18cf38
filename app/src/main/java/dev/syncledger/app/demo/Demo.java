package dev.syncledger.app.demo;

import dev.syncledger.schemas.text.Redaction;
import dev.syncledger.app.api.ApiTokens;
import dev.syncledger.app.api.ReadApi;
import dev.syncledger.app.cli.Preflight;
import dev.syncledger.app.cli.ProgressBar;
import dev.syncledger.app.cli.Shutdown;
import dev.syncledger.app.events.EventLineFeed;
import dev.syncledger.app.events.PublishedLines;
import dev.syncledger.app.generate.WorkloadGenerator;
import dev.syncledger.app.generate.WorkloadSpec;
import dev.syncledger.app.observability.ObservabilitySettings;
import dev.syncledger.app.pipeline.EmbeddedPipeline;
import dev.syncledger.app.replay.ReplayCounts;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.notify.DeliveryDao;
import dev.syncledger.sink.notify.WebhookSignature;
import dev.syncledger.sink.notify.WebhookTargets;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job on the embedded default: an in-process broker, the local PostgreSQL, the processor and
 * the sink; a generated workload that ends now, fed with a progress bar; then a connector-status report
 * from the database, and the pipeline left running (with /metrics and /health) until a stop is
 * requested or the demo's duration is over.
 */
final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    static final String APPLICATION_ID = "sync-ledger-demo";

    /** {@code duration} is how long the demo runs in all, empty to run until stopped; the report is always printed first. */
    record Settings(String databaseUrl, String schema, WorkloadSpec workload, TopologyConfig topology, int partitions, int threads,
                    ObservabilitySettings http, Duration catchUpTimeout, Optional<Duration> duration, boolean webhookReceiver) {

        /** Secrets hidden: a settings record ends up in log lines and error messages. */
        @Override
        public String toString() {
            return Redaction.describe(this);
        }
    }

    /** How long the demo waits for its notifier to deliver what the alerts topic holds before it reports. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

    private final Settings settings;

    Demo(Settings settings) {
        this.settings = settings;
    }

    void run(Shutdown shutdown, PrintWriter out, PrintWriter err) throws InterruptedException {
        long started = System.nanoTime();
        try (Database database = Preflight.database(settings.databaseUrl(), settings.schema())) {
            run(database, shutdown, out, err, started);
        }
    }

    private void run(Database database, Shutdown shutdown, PrintWriter out, PrintWriter err, long started) throws InterruptedException {
        DemoSchema.prepare(database);
        WorkloadSpec workload = settings.workload();
        long lines = countLines(workload);
        out.printf("demo: %d workspaces x %d connectors, %d hourly runs each from %s to %s (seed %d): %,d event lines%n",
                workload.workspaces(), workload.connectorsPerWorkspace(), workload.runsPerConnector(), workload.start(), workload.end(),
                workload.seed(), lines);
        out.println("demo: starting a Kafka broker in this process, the processor, and the sink into schema " + settings.schema()
                + " of " + database.displayUrl());
        out.flush();
        WebhookSignature signature = new WebhookSignature(randomSecret());
        try (DemoWebhookReceiver receiver = settings.webhookReceiver() ? new DemoWebhookReceiver(signature, out) : null;
             EmbeddedPipeline pipeline = EmbeddedPipeline.start(new EmbeddedPipeline.Options(settings.databaseUrl(), database,
                settings.topology(), settings.partitions(), APPLICATION_ID, settings.threads(), settings.http(),
                Optional.ofNullable(receiver).map(r -> new EmbeddedPipeline.Webhooks(
                        new WebhookTargets(Optional.of(r.url()), java.util.Map.of()), signature))))) {
            if (receiver != null) {
                out.println("demo: webhook receiver at " + receiver.url() + "; every alert transition is posted there, signed");
            }
            pipeline.httpUri().ifPresent(uri -> out.println("demo: metrics at " + uri.resolve("/metrics") + ", readiness at "
                    + uri.resolve("/health/ready")));
            out.flush();
            long feeding = System.nanoTime();
            PublishedLines fed = new EventLineFeed(pipeline.publisher(), ProgressBar.onTerminal(err, "publishing", lines))
                    .feed(new WorkloadGenerator(workload).iterator());
            pipeline.publisher().flush();
            Duration publishing = Duration.ofNanos(System.nanoTime() - feeding);
            pipeline.awaitCaughtUp(settings.catchUpTimeout());
            Duration toCaughtUp = Duration.ofNanos(System.nanoTime() - feeding);
            // Overdue alerts open on the processor's clock once the backlog is folded: give it a few checks, then let
            // the sink catch up with them, so that the report shows them.
            Thread.sleep(settings.topology().deadlineCheckInterval().multipliedBy(3).toMillis());
            pipeline.awaitCaughtUp(settings.catchUpTimeout());
            LOG.info("demo caught up: {} events in {} ms", fed.published(), toCaughtUp.toMillis());
            new ConnectorReport(fed.published(), publishing, toCaughtUp, ConnectorReport.worstConnectors(database.jdbi()),
                    ReplayCounts.perTable(database.jdbi())).print(out);
            AlertReport.read(database.jdbi()).print(out);
            if (receiver != null) {
                awaitDeliveries(database);
                out.printf("%nwebhooks: %d received by the demo's receiver, %d with a verified signature%n", receiver.received(),
                        receiver.verified());
            }
            try (ReadApi api = ReadApi.start(database.jdbi(), new ApiTokens(randomSecret()), "127.0.0.1", 0)) {
                printApiExample(out, api, database);
                out.println();
                out.println(whatNext(started));
                out.flush();
                awaitEnd(shutdown, started);
            }
        }
        out.println("demo: stopped cleanly");
        out.flush();
    }

    private String whatNext(long started) {
        if (settings.duration().isEmpty()) {
            return "demo: running until Ctrl-C; query schema " + settings.schema() + " meanwhile";
        }
        Duration left = settings.duration().get().minusNanos(System.nanoTime() - started);
        return left.isNegative() || left.isZero()
                ? "demo: --duration " + settings.duration().get().toSeconds() + "s is over; stopping"
                : "demo: running " + Math.max(1, left.toSeconds()) + " s more (--duration " + settings.duration().get().toSeconds()
                        + "s), or until Ctrl-C; query schema " + settings.schema() + " meanwhile";
    }

    private void awaitEnd(Shutdown shutdown, long started) throws InterruptedException {
        if (settings.duration().isEmpty()) {
            while (!shutdown.awaitRequest(Duration.ofDays(1))) {
                // Only a stop request ends a demo without a duration.
            }
            return;
        }
        Duration left = settings.duration().get().minusNanos(System.nanoTime() - started);
        if (!left.isNegative() && !left.isZero()) {
            shutdown.awaitRequest(left);
        }
    }

    /**
     * The read API over the demo's tables, with a token for the workspace whose connectors look worst, good for as long
     * as the demo runs: a newcomer can query it at once.
     */
    private void printApiExample(PrintWriter out, ReadApi api, Database database) {
        Optional<UUID> workspace = AlertReport.worstWorkspace(database.jdbi());
        if (workspace.isEmpty()) {
            return;
        }
        Duration ttl = settings.duration().orElse(Duration.ofHours(24)).plusMinutes(1);
        String token = api.tokens().mint(workspace.get(), ttl, Instant.now());
        out.printf("%nconnectors page of workspace %s, open it in a browser while the demo runs:%n  %s/#token=%s%n", workspace.get(),
                api.uri(), token);
        out.printf("read API at %s/v1/ (a JSON:API, same token):%n", api.uri());
        out.printf("  curl -s -H 'Authorization: Bearer %s' '%s/v1/connector_status?filter%%5Bfreshness%%5D=overdue'%n", token, api.uri());
    }

    /** Bounded: the report says how many arrived, whatever the notifier managed by then. */
    private static void awaitDeliveries(Database database) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
        while (System.nanoTime() < deadline && database.jdbi().withExtension(DeliveryDao.class, DeliveryDao::pending) > 0) {
            Thread.sleep(200);
        }
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The generator is deterministic and fast (about 200,000 lines a second), so a first pass gives the progress bar its total. */
    private static long countLines(WorkloadSpec workload) {
        long count = 0;
        for (var lines = new WorkloadGenerator(workload).iterator(); lines.hasNext(); lines.next()) {
            count++;
        }
        return count;
    }
}

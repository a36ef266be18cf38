package dev.syncledger.app.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One workspace connector living through the workload's hours: a sync run every hour, its
 * diagnostics and document links, and, for a browser extension, the collects its users record.
 *
 * <p>Each connector has its own random stream, its own minute of the hour for its Cloud Tasks
 * schedule, and its own health: most connectors fail rarely, a few fail often, and a broken one
 * tends to fail the same way run after run, as a dashboard of real connectors shows.
 *
 * <p>Every event of hour {@code h} lies in {@code [start + h, start + h + 1)}: a run is created
 * within the first 27 minutes, is picked up within 30 seconds, lasts at most 25 minutes, and its
 * unlinks and deletion follow within 5 minutes.
 */
final class SimulatedConnector {

    static final long SECOND = 1_000;
    static final long MINUTE = 60 * SECOND;

    private static final long SCHEDULE_MINUTE_MAX = 25 * MINUTE;
    private static final long SCHEDULE_JITTER_MAX = 2 * MINUTE;
    private static final long ON_DEMAND_WINDOW = 27 * MINUTE;
    private static final String CLOUD_TASKS_QUEUE = "projects/well-prod/locations/europe-west1/queues/connector-sync/tasks/";

    private final WorkloadSpec spec;
    private final SimulatedWorkspace workspace;
    private final UUID id;
    private final Provider provider;
    private final Draw draw;
    private final long scheduleMinute;
    private final double failureChance;
    private final FailureKind habitualFailure;
    private final CollectSimulation collects;
    /** The first hour this connector's scheduler is dead from, so that nothing of it comes any more; MAX_VALUE: never. */
    private final long silentFrom;
    private final boolean failsInStreaks;
    private int streakLeft;
    private boolean lastRunFailedOnAuthentication;

    SimulatedConnector(WorkloadSpec spec, SimulatedWorkspace workspace, Provider provider, Draw draw) {
        this.spec = spec;
        this.workspace = workspace;
        this.provider = provider;
        this.draw = draw;
        this.id = draw.uuid();
        this.scheduleMinute = draw.between(0, SCHEDULE_MINUTE_MAX);
        this.failureChance = 1 - StrictMath.pow(1 - spec.rates().failureRate(), frailty(draw));
        this.habitualFailure = FailureKind.draw(draw);
        this.collects = provider.isBrowserExtension() ? new CollectSimulation(spec, workspace, id, draw) : null;
        // Drawn only when asked for, so that a workload without them stays the same draw for draw.
        double silentRate = spec.rates().silentConnectorRate();
        this.silentFrom = silentRate > 0 && draw.chance(silentRate)
                ? spec.start().toEpochMilli() + WorkloadSpec.RUN_INTERVAL.toMillis()
                        * draw.between(Math.max(1, spec.runsPerConnector() / 2), Math.max(2, spec.runsPerConnector() - 2))
                : Long.MAX_VALUE;
        double streakRate = spec.rates().failureStreakRate();
        this.failsInStreaks = streakRate > 0 && draw.chance(streakRate);
    }

    /**
     * How frail this connector is: it fails with chance {@code 1 - (1 - failureRate)^frailty}, the
     * frailty being 0.6 for four connectors in five, 2.5 for three in twenty and 5 for one in twenty.
     * At a failure rate of 0.2 that is 12%, 43% and 67%, about 0.2 over the workload; a rate of 0
     * still means never and 1 always.
     */
    private static double frailty(Draw draw) {
        double roll = draw.between(0.0, 1.0);
        return roll < 0.80 ? 0.6 : roll < 0.95 ? 2.5 : 5.0;
    }

    void simulateHour(long hourStart, HourBatch batch) {
        if (hourStart >= silentFrom) {
            return;
        }
        simulateRun(hourStart, batch);
        if (collects != null && draw.chance(spec.rates().collectRate())) {
            collects.simulateCollect(hourStart, batch);
        }
    }

    private void simulateRun(long hourStart, HourBatch batch) {
        Trigger trigger = trigger(hourStart == spec.start().toEpochMilli());
        FailureKind failureKind = nextFailure();
        Run run = drawRun(hourStart, trigger, failureKind == null ? RunLength.NORMAL : failureKind.length());

        List<TimedLine> lifecycle = new ArrayList<>(4);
        if (trigger != Trigger.MANUAL) {
            lifecycle.add(scheduled(run));
        }
        lifecycle.add(started(run));
        if (failureKind == null) {
            lifecycle.add(succeeded(run));
            linkDocuments(run, batch);
        } else {
            lifecycle.add(failed(run, failureKind, batch));
        }
        if (draw.chance(spec.rates().runDeleteRate())) {
            lifecycle.add(deleted(run));
        }
        if (draw.chance(spec.rates().informationalDiagnosticRate())) {
            batch.add(informationalDiagnostic(run));
        }
        batch.addKeyed(lifecycle, draw.chance(spec.outOfOrderRate()), draw);
        lastRunFailedOnAuthentication = failureKind != null && failureKind.isAuthentication();
    }

    /** A Cloud Task fires at the connector's minute of the hour; manual and OAuth runs come any time in the first 27 minutes. */
    private Run drawRun(long hourStart, Trigger trigger, RunLength length) {
        long createdAt = trigger == Trigger.CLOUD_TASK
                ? hourStart + scheduleMinute + draw.between(0, SCHEDULE_JITTER_MAX)
                : hourStart + draw.between(0, ON_DEMAND_WINDOW);
        long startedAt = createdAt + trigger.pickupDelay(draw);
        long completedAt = startedAt + length.draw(draw);
        SyncScene scene = new SyncScene(provider, draw.pick(provider.kind().targetModels()), 0, draw);
        return new Run(draw.uuid(), trigger, createdAt, startedAt, completedAt, draw.between(5, 400), scene, draw.between(1.5, 9.0));
    }

    /** A connector's first run follows its OAuth connection; after an auth failure, users often reconnect. */
    private Trigger trigger(boolean firstRun) {
        if (firstRun) {
            return provider.isBrowserExtension() ? Trigger.MANUAL : Trigger.OAUTH_CALLBACK;
        }
        if (lastRunFailedOnAuthentication && !provider.isBrowserExtension() && draw.chance(0.5)) {
            return Trigger.OAUTH_CALLBACK;
        }
        double roll = draw.between(0.0, 1.0);
        return roll < 0.82 ? Trigger.CLOUD_TASK : roll < 0.96 ? Trigger.MANUAL : Trigger.OAUTH_CALLBACK;
    }

    /** Null for a success; a connector failing in streaks keeps failing its habitual way for a few runs once it fails. */
    private FailureKind nextFailure() {
        if (streakLeft > 0) {
            streakLeft--;
            return habitualFailure;
        }
        FailureKind failure = draw.chance(failureChance) ? drawFailureKind() : null;
        if (failure != null && failsInStreaks) {
            streakLeft = (int) draw.between(2, 6);
        }
        return failure;
    }

    private FailureKind drawFailureKind() {
        return draw.chance(0.5) ? habitualFailure : FailureKind.draw(draw);
    }

    private TimedLine scheduled(Run run) {
        EventLine line = line("sync.scheduled", run.createdAt()).text("trigger_type", run.trigger().code());
        if (run.trigger() == Trigger.CLOUD_TASK) {
            line.text("cloud_task_id", CLOUD_TASKS_QUEUE + provider.slug() + "-" + draw.hex(16));
        }
        return line.uuid("sync_log_id", run.id()).owner(workspace.id(), id);
    }

    /** A manual run is created directly in progress, so its start names the trigger. */
    private TimedLine started(Run run) {
        return line("sync.started", run.startedAt())
                .time("started_at", run.startedAt())
                .text("trigger_type", run.trigger() == Trigger.MANUAL ? run.trigger().code() : null)
                .uuid("sync_log_id", run.id())
                .owner(workspace.id(), id);
    }

    private TimedLine succeeded(Run run) {
        EventLine line = line("sync.succeeded", run.terminalAt()).time("completed_at", run.completedAt()).uuid("sync_log_id", run.id());
        long records = run.recordsFetched();
        ObjectNode metadata = line.object("metadata");
        metadata.put("records_synced", records);
        metadata.put("pages_fetched", Math.max(1, ceilDiv(records, provider.pageSize())));
        metadata.put("connector_slug", provider.slug());
        return line.owner(workspace.id(), id);
    }

    /** The run's failure and, moments before it, its failure diagnostic. */
    private TimedLine failed(Run run, FailureKind kind, HourBatch batch) {
        long pagesFetched = run.recordsFetched() / provider.pageSize();
        SyncScene scene = new SyncScene(provider, run.scene().targetModel(), pagesFetched + 1, draw);
        FailureKind.Failure failure = kind.describe(scene);
        long detectedAt = draw.between(run.startedAt() + run.duration() * 9 / 10, run.completedAt());
        batch.add(diagnostic(detectedAt, scene.targetModel(), failure.toolName(), failure.reason(), failure.httpStatus(), failure.detail()));

        EventLine line = line("sync.failed", run.terminalAt()).time("completed_at", run.completedAt())
                .text("error", failure.error()).uuid("sync_log_id", run.id());
        ObjectNode metadata = line.object("metadata");
        metadata.put("pages_fetched", pagesFetched);
        metadata.put("connector_slug", provider.slug());
        return line.owner(workspace.id(), id);
    }

    private TimedLine deleted(Run run) {
        return line("sync.deleted", run.terminalAt() + draw.between(30 * SECOND, 5 * MINUTE))
                .uuid("sync_log_id", run.id())
                .owner(workspace.id(), id);
    }

    private TimedLine informationalDiagnostic(Run run) {
        InformationalSignal signal = InformationalSignal.draw(draw);
        SyncScene scene = run.scene();
        long at = run.startedAt() + Math.round(run.duration() * draw.between(0.05, 0.95));
        return diagnostic(at, scene.targetModel(), signal.toolName(scene), signal.reason(), signal.httpStatus(), signal.detail(scene));
    }

    private TimedLine diagnostic(long at, String targetModel, String toolName, String reason, Integer httpStatus, String detail) {
        return line("diagnostic.emitted", at)
                .uuid("diagnostic_id", draw.uuid())
                .text("target_model", targetModel)
                .text("tool_name", toolName)
                .text("reason", reason)
                .number("http_status", httpStatus)
                .text("detail", detail)
                .owner(workspace.id(), id);
    }

    /** Documents found during a successful run, mostly ingested (input), some routed out (output); a few unlinked minutes later. */
    private void linkDocuments(Run run, HourBatch batch) {
        int documents = draw.poisson(spec.rates().documentsPerSuccessfulRun());
        for (int i = 0; i < documents; i++) {
            UUID documentId = draw.uuid();
            String direction = draw.chance(spec.rates().outputDocumentShare()) ? "output" : "input";
            long linkedAt = draw.between(run.startedAt(), run.completedAt());
            batch.add(documentLink("document.linked", linkedAt, documentId, direction));
            if (draw.chance(spec.rates().unlinkRate())) {
                long unlinkedAt = run.completedAt() + draw.between(10 * SECOND, 4 * MINUTE);
                batch.add(documentLink("document.unlinked", unlinkedAt, documentId, direction));
            }
        }
    }

    private TimedLine documentLink(String type, long at, UUID documentId, String direction) {
        return line(type, at).uuid("document_id", documentId).text("direction", direction).owner(workspace.id(), id);
    }

    private EventLine line(String type, long at) {
        return EventLine.of(type, draw.uuid(), at);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /** How runs are started, as trigger_type has it. */
    enum Trigger {
        CLOUD_TASK("cloud_task"),
        MANUAL("manual"),
        OAUTH_CALLBACK("oauth_callback");

        private final String code;

        Trigger(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        /** From creation to start: a queued Cloud Task waits seconds, an OAuth callback starts at once, a manual run is created started. */
        long pickupDelay(Draw draw) {
            return switch (this) {
                case CLOUD_TASK -> draw.logNormal(3_000, 0.8, 200, 30 * SECOND);
                case OAUTH_CALLBACK -> draw.between(150, 2_000);
                case MANUAL -> 0;
            };
        }
    }

    /** The times of one run; its terminal event is sent {@code reportLag} ms after it completes. */
    private record Run(UUID id, Trigger trigger, long createdAt, long startedAt, long completedAt, long reportLag,
                       SyncScene scene, double recordsPerSecond) {

        long duration() {
            return completedAt - startedAt;
        }

        long terminalAt() {
            return completedAt + reportLag;
        }

        long recordsFetched() {
            return Math.round(duration() / 1000.0 * recordsPerSecond);
        }
    }
}

package dev.syncledger.app.generate;

import static dev.syncledger.app.generate.SimulatedConnector.MINUTE;
import static dev.syncledger.app.generate.SimulatedConnector.SECOND;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The collects a browser-extension connector's users record: todo, in_progress a few seconds later,
 * then finalized or error; some name no connector (manual or legacy ones), a few are deleted after
 * they end. All of a collect's events lie within 55 minutes of its hour's start.
 */
final class CollectSimulation {

    private static final List<String> SURFACES = List.of("side-panel", "side-panel", "side-panel", "popup", "popup", "linkedin", "linkedin", "blueprint");
    private static final List<String> ERRORS = List.of(
            "extraction timed out after 120s on the profile page",
            "page structure changed: selector '.pv-top-card' matched nothing",
            "the tab was closed before extraction finished",
            "HTTP 429 from linkedin.com: too many requests",
            "the extension lost its session: sign in again");

    private final WorkloadSpec spec;
    private final SimulatedWorkspace workspace;
    private final UUID connectorId;
    private final Draw draw;

    CollectSimulation(WorkloadSpec spec, SimulatedWorkspace workspace, UUID connectorId, Draw draw) {
        this.spec = spec;
        this.workspace = workspace;
        this.connectorId = connectorId;
        this.draw = draw;
    }

    void simulateCollect(long hourStart, HourBatch batch) {
        Collect collect = drawCollect(hourStart);
        List<TimedLine> events = new ArrayList<>(4);
        events.add(statusChanged(collect, "todo", collect.createdAt()).owner(workspace.id(), collect.connectorId()));
        events.add(statusChanged(collect, "in_progress", collect.startedAt())
                .time("started_at", collect.startedAt())
                .owner(workspace.id(), collect.connectorId()));
        events.add(statusChanged(collect, collect.error() == null ? "finalized" : "error", collect.reportedAt())
                .time("started_at", collect.startedAt())
                .time("ended_at", collect.endedAt())
                .text("error", collect.error())
                .owner(workspace.id(), collect.connectorId()));
        if (draw.chance(spec.rates().collectDeleteRate())) {
            long deletedAt = collect.reportedAt() + draw.between(30 * SECOND, 4 * MINUTE);
            events.add(EventLine.of("collect.deleted", draw.uuid(), deletedAt).uuid("collect_id", collect.id())
                    .owner(workspace.id(), collect.connectorId()));
        }
        batch.addKeyed(events, draw.chance(spec.outOfOrderRate()), draw);
    }

    private Collect drawCollect(long hourStart) {
        UUID id = draw.uuid();
        String surface = draw.pick(SURFACES);
        UUID taskId = surface.equals("blueprint") ? draw.uuid() : null;
        UUID connector = draw.chance(spec.rates().collectWithoutConnectorRate()) ? null : connectorId;
        long createdAt = hourStart + draw.between(0, 40 * MINUTE);
        long startedAt = createdAt + draw.between(SECOND, 20 * SECOND);
        long endedAt = startedAt + draw.logNormal(25 * SECOND, 0.9, 2 * SECOND, 10 * MINUTE);
        String error = draw.chance(spec.rates().collectErrorRate()) ? draw.pick(ERRORS) : null;
        return new Collect(id, draw.pick(workspace.people()), surface, taskId, connector, createdAt, startedAt, endedAt,
                endedAt + draw.between(5, 300), error);
    }

    private EventLine statusChanged(Collect collect, String status, long at) {
        return EventLine.of("collect.status_changed", draw.uuid(), at)
                .uuid("collect_id", collect.id())
                .text("status", status)
                .uuid("people_id", collect.peopleId())
                .text("provider", collect.surface())
                .uuid("task_id", collect.taskId());
    }

    private record Collect(UUID id, UUID peopleId, String surface, UUID taskId, UUID connectorId,
                           long createdAt, long startedAt, long endedAt, long reportedAt, String error) {}
}

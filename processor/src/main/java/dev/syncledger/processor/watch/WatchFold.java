package dev.syncledger.processor.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncledger.processor.status.ConnectorStatusState;
import dev.syncledger.processor.status.ContributionChange;
import dev.syncledger.processor.status.CreatedRun;
import dev.syncledger.processor.status.DiagnosticContribution;
import dev.syncledger.processor.status.RunContribution;
import dev.syncledger.processor.status.RunIndex;
import dev.syncledger.schemas.ConnectorFreshness;
import dev.syncledger.schemas.alert.AlertKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Decides a connector's freshness and alerts from its status, its watch and the time: a pure function, no Kafka
 * in it and "now" passed in.
 * <ul>
 *   <li>Freshness: the age of the latest success (before any, of the first run) against the expected interval:
 *       {@code on_time} up to 1x, {@code delayed} up to 2x, {@code overdue} beyond; {@code unknown} before any run.</li>
 *   <li>{@code consecutive_failures} opens when the failures since the latest success reach the threshold, and
 *       {@code overdue} when the clock finds freshness overdue (not on each change: see {@link #onClock}); both
 *       resolve when a success other than the one they opened after becomes the latest.</li>
 *   <li>{@code failure_diagnostics_burst} opens when the threshold's worth of failure diagnostics fall within the
 *       window, and resolves once none came for the quiet period; the diagnostics it counted are then forgotten.</li>
 * </ul>
 */
public final class WatchFold {

    /** How much of the last error an alert's details carry. */
    static final int DETAILS_ERROR_CHARS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WatchRules rules;

    public WatchFold(WatchRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The watch after evaluation, and the alert transitions it made, oldest first. */
    public record Decision(ConnectorWatch watch, List<AlertTransition> transitions) {}

    /** After {@code change} was folded into the connector's {@code status}. */
    public Decision afterChange(ConnectorWatch previous, UUID connector, ConnectorStatusState status, ContributionChange change,
                                RunIndex runs, Instant now) {
        ConnectorWatch watch = previous == null ? ConnectorWatch.EMPTY : previous;
        RunContribution before = countedRun(change.before());
        RunContribution after = countedRun(change.after());
        Instant firstRunAt = watch.firstRunAt();
        if (after != null && (firstRunAt == null || after.createdAt().isBefore(firstRunAt))) {
            firstRunAt = after.createdAt();
        }
        Duration learned = watch.learnedInterval();
        // The interval reads the index only when a run joins, leaves or moves in created_at order: once per run.
        if (!sameSlot(before, after)) {
            learned = runs.newestCreatedFirst(connector, created -> ExpectedInterval.learn(createdTimes(created)));
        }
        List<Instant> diagnostics = watch.failureDiagnostics();
        if (change.before() == null && change.after() instanceof DiagnosticContribution diagnostic && !diagnostic.informational()) {
            diagnostics = withDiagnostic(diagnostics, diagnostic.seenAt());
        }
        return evaluate(new ConnectorWatch(learned, firstRunAt, watch.freshness(), watch.deadline(), diagnostics, watch.open()),
                connector, status, now, false);
    }

    /**
     * When the wall clock reached the watch's deadline, or any time nothing but the time changed.
     *
     * @param caughtUp false while the task is still folding a backlog of old changes: an {@code overdue} alert then
     *     waits (its deadline stays now) until the backlog is folded, for the connector may well have succeeded since
     */
    public Decision onClock(ConnectorWatch watch, UUID connector, ConnectorStatusState status, Instant now, boolean caughtUp) {
        return evaluate(watch, connector, status, now, caughtUp);
    }

    /**
     * @param byClock whether the wall clock, not a change, asks. An {@code overdue} alert opens only then: a backlog
     *     or a replay folds a connector's old successes one after another, each overdue against today's clock, and
     *     opening on each would send a storm of alerts that the next success resolves at once. A change that leaves
     *     the connector overdue sets its deadline to now instead, so the next punctuation (within the check interval)
     *     opens the alert if the connector is still overdue then.
     */
    private Decision evaluate(ConnectorWatch watch, UUID connector, ConnectorStatusState status, Instant now, boolean byClock) {
        Duration interval = watch.learnedInterval() != null ? watch.learnedInterval() : rules.defaultInterval();
        Instant anchor = status.lastSuccess() != null ? status.lastSuccess().completedAt() : watch.firstRunAt();
        ConnectorFreshness freshness = freshness(anchor, interval, now);
        FreshnessView view = new FreshnessView(freshness, interval, anchor == null ? null : anchor.plus(interval),
                watch.freshness() != null && watch.freshness().freshness() == freshness ? watch.freshness().changedAt() : now);

        UUID workspace = status.totals().workspaceId();
        String success = status.lastSuccess() == null ? "none" : status.lastSuccess().syncLogId().toString();
        Map<AlertKind, OpenAlert> open = new EnumMap<>(AlertKind.class);
        open.putAll(watch.open());
        List<AlertTransition> transitions = new ArrayList<>(2);
        List<Instant> diagnostics = watch.failureDiagnostics();

        resolveOnNewSuccess(AlertKind.consecutive_failures, open, success, workspace, connector, status, now, transitions);
        if (!open.containsKey(AlertKind.consecutive_failures) && status.consecutiveFailures() >= rules.alertAfterFailures()) {
            ObjectNode details = JSON.createObjectNode().put("consecutive_failures", status.consecutiveFailures())
                    .put("threshold", rules.alertAfterFailures());
            if (status.lastError() != null) {
                details.put("last_error_sync_log_id", status.lastError().syncLogId().toString())
                        .put("last_error_at", status.lastError().completedAt().toString())
                        .put("last_error", truncated(status.lastError().error()));
            }
            openAlert(AlertKind.consecutive_failures, success, success, details, open, workspace, connector, now, transitions);
        }

        resolveOnNewSuccess(AlertKind.overdue, open, success, workspace, connector, status, now, transitions);
        boolean overdueToOpen = !open.containsKey(AlertKind.overdue) && freshness == ConnectorFreshness.overdue;
        if (overdueToOpen && byClock) {
            ObjectNode details = JSON.createObjectNode().put("expected_interval_ms", interval.toMillis())
                    .put(status.lastSuccess() != null ? "last_success_at" : "first_run_at", anchor.toString())
                    .put("next_expected_at", view.nextExpectedAt().toString())
                    .put("overdue_since", anchor.plus(interval.multipliedBy(2)).toString());
            openAlert(AlertKind.overdue, success, success + "/" + anchor.toEpochMilli(), details, open, workspace, connector, now,
                    transitions);
        }

        if (!open.containsKey(AlertKind.failure_diagnostics_burst) && diagnostics.size() >= rules.burstDiagnostics()) {
            List<Instant> window = diagnostics.subList(diagnostics.size() - rules.burstDiagnostics(), diagnostics.size());
            Instant start = window.get(0);
            Instant end = window.get(window.size() - 1);
            if (Duration.between(start, end).compareTo(rules.burstWindow()) <= 0) {
                ObjectNode details = JSON.createObjectNode().put("failure_diagnostics", window.size())
                        .put("window_start", start.toString()).put("window_end", end.toString())
                        .put("window_ms", rules.burstWindow().toMillis());
                String anchorOfBurst = Long.toString(start.toEpochMilli());
                openAlert(AlertKind.failure_diagnostics_burst, anchorOfBurst, anchorOfBurst, details, open, workspace, connector, now,
                        transitions);
            }
        }
        OpenAlert burst = open.get(AlertKind.failure_diagnostics_burst);
        Instant quietFrom = diagnostics.isEmpty() ? null : diagnostics.get(diagnostics.size() - 1).plus(rules.quietPeriod());
        if (burst != null && (quietFrom == null || !now.isBefore(quietFrom))) {
            ObjectNode details = detailsOf(burst);
            details.put("quiet_since", (quietFrom == null ? now : quietFrom.minus(rules.quietPeriod())).toString());
            transitions.add(AlertTransition.resolved(workspace, connector, AlertKind.failure_diagnostics_burst, burst, now, details.toString()));
            open.remove(AlertKind.failure_diagnostics_burst);
            // The burst is over: what it counted must not open it again.
            diagnostics = List.of();
            quietFrom = null;
        }

        Instant deadline = switch (freshness) {
            // The first instant the age exceeds 1x (2x) the interval.
            case on_time -> anchor.plus(interval).plusMillis(1);
            case delayed -> anchor.plus(interval.multipliedBy(2)).plusMillis(1);
            // Overdue stays so until a success; only an alert still to open needs the clock, at its next look. Just
            // after now, not now: a punctuation forgets the index below the time it looked up to.
            case overdue -> overdueToOpen && !byClock ? now.plusMillis(1) : null;
            case unknown -> null;
        };
        if (open.containsKey(AlertKind.failure_diagnostics_burst) && quietFrom != null && (deadline == null || quietFrom.isBefore(deadline))) {
            deadline = quietFrom;
        }
        return new Decision(new ConnectorWatch(watch.learnedInterval(), watch.firstRunAt(), view, deadline, diagnostics, open),
                transitions);
    }

    static ConnectorFreshness freshness(Instant anchor, Duration interval, Instant now) {
        if (anchor == null) {
            return ConnectorFreshness.unknown;
        }
        Duration age = Duration.between(anchor, now);
        if (age.compareTo(interval) <= 0) {
            return ConnectorFreshness.on_time;
        }
        return age.compareTo(interval.multipliedBy(2)) <= 0 ? ConnectorFreshness.delayed : ConnectorFreshness.overdue;
    }

    private static void resolveOnNewSuccess(AlertKind kind, Map<AlertKind, OpenAlert> open, String success, UUID workspace, UUID connector,
                                            ConnectorStatusState status, Instant now, List<AlertTransition> transitions) {
        OpenAlert alert = open.get(kind);
        if (alert == null || alert.anchor().equals(success) || status.lastSuccess() == null) {
            return;
        }
        ObjectNode details = detailsOf(alert).put("resolved_by_sync_log_id", success)
                .put("resolved_by_success_at", status.lastSuccess().completedAt().toString());
        transitions.add(AlertTransition.resolved(workspace, connector, kind, alert, now, details.toString()));
        open.remove(kind);
    }

    private static void openAlert(AlertKind kind, String anchor, String idAnchor, ObjectNode details, Map<AlertKind, OpenAlert> open,
                                  UUID workspace, UUID connector, Instant now, List<AlertTransition> transitions) {
        OpenAlert alert = new OpenAlert(AlertTransition.alertId(connector, kind, idAnchor), now, anchor, details.toString());
        open.put(kind, alert);
        transitions.add(AlertTransition.opened(workspace, connector, kind, alert));
    }

    private static ObjectNode detailsOf(OpenAlert alert) {
        try {
            return (ObjectNode) JSON.readTree(alert.details());
        } catch (Exception e) {
            // Only this class writes details, always as an object; an unreadable one loses nothing the transition needs.
            return JSON.createObjectNode();
        }
    }

    private List<Instant> withDiagnostic(List<Instant> diagnostics, Instant at) {
        List<Instant> next = new ArrayList<>(diagnostics.size() + 1);
        next.addAll(diagnostics);
        int position = next.size();
        while (position > 0 && next.get(position - 1).isAfter(at)) {
            position--;
        }
        next.add(position, at);
        // Keep the newest: a burst is a threshold's worth of them within the window.
        return next.size() > rules.burstDiagnostics() ? next.subList(next.size() - rules.burstDiagnostics(), next.size()) : next;
    }

    private static RunContribution countedRun(Object contribution) {
        return contribution instanceof RunContribution run && run.counted() ? run : null;
    }

    private static boolean sameSlot(RunContribution before, RunContribution after) {
        if (before == null || after == null) {
            return before == after;
        }
        return before.syncLogId().equals(after.syncLogId()) && before.createdAt().equals(after.createdAt());
    }

    private static Iterator<Instant> createdTimes(Iterator<CreatedRun> runs) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return runs.hasNext();
            }

            @Override
            public Instant next() {
                return runs.next().createdAt();
            }
        };
    }

    private static String truncated(String text) {
        if (text == null || text.length() <= DETAILS_ERROR_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(DETAILS_ERROR_CHARS - 1)) ? DETAILS_ERROR_CHARS - 1 : DETAILS_ERROR_CHARS;
        return text.substring(0, end) + "…";
    }
}

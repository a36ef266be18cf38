package dev.syncledger.processor.watch;

import static dev.syncledger.processor.testing.Events.CONNECTOR;
import static dev.syncledger.processor.testing.Events.WORKSPACE;
import static dev.syncledger.processor.testing.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.connector.ConnectorProcessor;
import dev.syncledger.processor.connector.ConnectorState;
import dev.syncledger.processor.testing.Events;
import dev.syncledger.processor.testing.LedgerDriver;
import dev.syncledger.schemas.ConnectorFreshness;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.alert.AlertKind;
import dev.syncledger.schemas.alert.AlertState;
import dev.syncledger.schemas.alert.ConnectorAlert;
import dev.syncledger.schemas.state.ConnectorStatus;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Freshness and alerts from input events to their topics, with the driver's wall clock as "now". */
class FreshnessAndAlertsTopologyTest {

    private static final Instant NOW = LedgerDriver.WALL_CLOCK;
    /** Events.t counts seconds from Events.T0; this is the driver's starting wall clock in those seconds. */
    private static final long NOW_S = Duration.between(Events.T0, NOW).toSeconds();
    private static final long HOUR = 3_600;

    private final LedgerDriver driver = new LedgerDriver(TopologyConfig.defaults().withDiagnosticRetention(Duration.ofDays(3650)));
    private int runs;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void anHourlyConnectorTurnsDelayedAfterOneHourOverdueAfterTwoAndOnTimeWithTheNextSuccess() {
        succeedAt(NOW_S - 2 * HOUR);
        succeedAt(NOW_S - HOUR);
        succeedAt(NOW_S);
        assertThat(status().getFreshness()).isEqualTo(ConnectorFreshness.on_time);
        assertThat(status().getExpectedIntervalMs()).as("learned from its runs").isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(status().getNextExpectedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));

        driver.advanceWallClock(Duration.ofHours(1));
        assertThat(status().getFreshness()).as("exactly one interval old").isEqualTo(ConnectorFreshness.on_time);
        driver.advanceWallClock(Duration.ofSeconds(1));
        assertThat(status().getFreshness()).isEqualTo(ConnectorFreshness.delayed);
        assertThat(status().getFreshnessChangedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(driver.alerts()).as("delayed is not an alert").isEmpty();

        driver.advanceWallClock(Duration.ofMinutes(59).plusSeconds(58));
        assertThat(status().getFreshness()).isEqualTo(ConnectorFreshness.delayed);
        driver.advanceWallClock(Duration.ofSeconds(2));
        assertThat(status().getFreshness()).isEqualTo(ConnectorFreshness.overdue);
        driver.advanceWallClock(Duration.ofHours(3));
        assertThat(driver.alerts()).extracting(ConnectorAlert::getKind, ConnectorAlert::getState)
                .as("overdue opens once").containsExactly(tuple(AlertKind.overdue, AlertState.open));

        long later = NOW_S + 5 * HOUR + 60;
        succeedAt(later);
        assertThat(status().getFreshness()).isEqualTo(ConnectorFreshness.on_time);
        List<ConnectorAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(ConnectorAlert::getKind, ConnectorAlert::getState)
                .containsExactly(tuple(AlertKind.overdue, AlertState.open), tuple(AlertKind.overdue, AlertState.resolved));
        assertThat(alerts.get(1).getAlertId()).isEqualTo(alerts.get(0).getAlertId());
        assertThat(alerts.get(1).getTransitionId()).isNotEqualTo(alerts.get(0).getTransitionId());
        assertThat(alerts.get(0).getWorkspaceId()).isEqualTo(WORKSPACE);
        assertThat(alerts.get(0).getDetails()).contains("\"expected_interval_ms\":3600000");
    }

    @Test
    void aConnectorRestoredFromItsChangelogIsStillWatchedThoughTheDeadlineIndexIsNotChangelogged() {
        succeedAt(NOW_S - 2 * HOUR);
        succeedAt(NOW_S - HOUR);
        succeedAt(NOW_S);
        ConnectorState restored = driver.stored(ConnectorProcessor.CONNECTOR_STORE, CONNECTOR.toString());
        assertThat(restored.watch().deadline()).isEqualTo(NOW.plus(Duration.ofHours(1)).plusMillis(1));

        // Another instance takes the task over: the connector store comes back from its changelog, nothing else does.
        try (LedgerDriver next = new LedgerDriver(TopologyConfig.defaults().withDiagnosticRetention(Duration.ofDays(3650)))) {
            next.seed(ConnectorProcessor.CONNECTOR_STORE, CONNECTOR.toString(), restored);
            next.advanceWallClock(Duration.ofHours(1));
            assertThat(next.statuses()).as("not due yet").doesNotContainKey(CONNECTOR.toString());
            next.advanceWallClock(Duration.ofSeconds(1));
            assertThat(next.statuses().get(CONNECTOR.toString()).getFreshness()).isEqualTo(ConnectorFreshness.delayed);
        }
    }

    @Test
    void anOverdueAlertWaitsUntilTheBacklogIsFoldedSoAReplayDoesNotStormAlerts() {
        // A backlog: hourly successes from 10 h ago to 5 h ago, folded now; each looks overdue against the clock.
        for (long hoursAgo = 10; hoursAgo >= 5; hoursAgo--) {
            succeedAt(NOW_S - hoursAgo * HOUR);
        }
        assertThat(status().getFreshness()).isEqualTo(ConnectorFreshness.overdue);
        driver.advanceWallClock(Duration.ofSeconds(1));
        assertThat(driver.alerts()).as("still folding a backlog one second ago").isEmpty();

        driver.advanceWallClock(Duration.ofSeconds(2));
        assertThat(driver.alerts()).extracting(ConnectorAlert::getKind, ConnectorAlert::getState)
                .as("caught up and still overdue: opens once").containsExactly(tuple(AlertKind.overdue, AlertState.open));
    }

    @Test
    void aConnectorWithFewRunsIsExpectedAtTheDefaultIntervalAndOneWithoutRunsIsUnknown() {
        driver.publish(Topics.DIAGNOSTICS.name(), id("d").toString(), Events.diagnostic(WORKSPACE, CONNECTOR, id("d"), NOW_S, "jury_run"));
        assertThat(status().getFreshness()).isEqualTo(ConnectorFreshness.unknown);
        assertThat(status().getNextExpectedAt()).isNull();

        // Before any success, freshness counts from the first run's created_at.
        run(Events.run(id("r1"), NOW_S - 30 * 60, Events.failed(NOW_S - 29 * 60, "HTTP 500")));
        assertThat(status().getExpectedIntervalMs()).isEqualTo(TopologyConfig.defaults().watch().defaultInterval().toMillis());
        assertThat(status().getFreshness()).isEqualTo(ConnectorFreshness.on_time);
        driver.advanceWallClock(Duration.ofMinutes(31));
        assertThat(status().getFreshness()).isEqualTo(ConnectorFreshness.delayed);
    }

    @Test
    void threeFailuresInARowOpenConsecutiveFailuresAndASuccessResolvesIt() {
        // Failing runs keep the connector from succeeding, so it also turns overdue: look at failure alerts only.
        succeedAt(NOW_S - 40 * 60);
        failAt(NOW_S - 30 * 60);
        failAt(NOW_S - 20 * 60);
        assertThat(failureAlerts()).as("two failures are not yet an alert").isEmpty();
        failAt(NOW_S - 10 * 60);
        failAt(NOW_S - 5 * 60);
        assertThat(failureAlerts()).extracting(ConnectorAlert::getKind, ConnectorAlert::getState)
                .containsExactly(tuple(AlertKind.consecutive_failures, AlertState.open));
        assertThat(failureAlerts().get(0).getDetails()).contains("\"consecutive_failures\":3").contains("HTTP 500");

        succeedAt(NOW_S);
        assertThat(failureAlerts()).extracting(ConnectorAlert::getKind, ConnectorAlert::getState)
                .containsExactly(tuple(AlertKind.consecutive_failures, AlertState.open),
                        tuple(AlertKind.consecutive_failures, AlertState.resolved));
    }

    @Test
    void aReplayOfTheSameEventsGivesTheSameAlertIds() {
        List<SyncRunEvent> events = List.of(Events.run(id("f1"), NOW_S - 300, Events.failed(NOW_S - 290, "boom")),
                Events.run(id("f2"), NOW_S - 200, Events.failed(NOW_S - 190, "boom")),
                Events.run(id("f3"), NOW_S - 100, Events.failed(NOW_S - 90, "boom")));
        events.forEach(this::run);
        try (LedgerDriver replay = new LedgerDriver(TopologyConfig.defaults())) {
            events.forEach(event -> replay.publish(Topics.SYNC_RUNS.name(), event.getSyncLogId().toString(), event));
            assertThat(driver.alerts()).extracting(ConnectorAlert::getKind).contains(AlertKind.consecutive_failures);
            assertThat(replay.alerts()).extracting(ConnectorAlert::getAlertId)
                    .containsExactlyElementsOf(driver.alerts().stream().map(ConnectorAlert::getAlertId).toList());
        }
    }

    @Test
    void aBurstOfFailureDiagnosticsOpensAnAlertThatAQuietHourResolves() {
        int threshold = TopologyConfig.defaults().watch().burstDiagnostics();
        for (int i = 0; i < threshold - 1; i++) {
            failureDiagnostic(i, NOW_S - 50 * 60 + i * 60L);
        }
        driver.publish(Topics.DIAGNOSTICS.name(), id("info").toString(), Events.diagnostic(WORKSPACE, CONNECTOR, id("info"), NOW_S, "jury_run"));
        assertThat(driver.alerts()).as("one short of the threshold, informational ones not counted").isEmpty();

        failureDiagnostic(threshold, NOW_S - 60);
        assertThat(driver.alerts()).extracting(ConnectorAlert::getKind, ConnectorAlert::getState)
                .containsExactly(tuple(AlertKind.failure_diagnostics_burst, AlertState.open));

        driver.advanceWallClock(Duration.ofMinutes(58));
        assertThat(driver.alerts()).as("not yet quiet for an hour").hasSize(1);
        driver.advanceWallClock(Duration.ofMinutes(2));
        assertThat(driver.alerts()).extracting(ConnectorAlert::getKind, ConnectorAlert::getState)
                .containsExactly(tuple(AlertKind.failure_diagnostics_burst, AlertState.open),
                        tuple(AlertKind.failure_diagnostics_burst, AlertState.resolved));
    }

    private List<ConnectorAlert> failureAlerts() {
        return driver.alerts().stream().filter(alert -> alert.getKind() == AlertKind.consecutive_failures).toList();
    }

    private void failureDiagnostic(int n, long at) {
        String diagnostic = "burst-" + n;
        driver.publish(Topics.DIAGNOSTICS.name(), id(diagnostic).toString(),
                Events.diagnostic(WORKSPACE, CONNECTOR, id(diagnostic), at, "auth_scope_insufficient"));
    }

    private void succeedAt(long at) {
        run(Events.run(id("run-" + ++runs), at, Events.succeeded(at, null)));
    }

    private void failAt(long at) {
        run(Events.run(id("run-" + ++runs), at, Events.failed(at, "HTTP 500")));
    }

    private void run(SyncRunEvent event) {
        driver.publish(Topics.SYNC_RUNS.name(), event.getSyncLogId().toString(), event);
    }

    private ConnectorStatus status() {
        ConnectorStatus status = driver.statuses().get(CONNECTOR.toString());
        assertThat(status).as("a status row for the connector").isNotNull();
        return status;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}

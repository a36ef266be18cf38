package dev.syncledger.processor.ledger;

import static dev.syncledger.processor.testing.Events.CONNECTOR;
import static dev.syncledger.processor.testing.Events.WORKSPACE;
import static dev.syncledger.processor.testing.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.collect.CollectBranch;
import dev.syncledger.processor.documentlink.DocumentLinkBranch;
import dev.syncledger.processor.synclog.SyncLogBranch;
import dev.syncledger.processor.testing.Events;
import dev.syncledger.processor.testing.LedgerDriver;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ledgers keep what their rules need for as long as they need it: the horizon, judged on event time. */
class HorizonTopologyTest {

    private static final long DAY = Duration.ofDays(1).toSeconds();
    private static final Duration SWEEP = TopologyConfig.DEFAULT_FORGET_INTERVAL;

    private final LedgerDriver driver = new LedgerDriver(TopologyConfig.defaults().withDiagnosticRetention(Duration.ofDays(3650)));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldForgetAnEndedRunOnceItsPartitionsClockHasPassedItByTheHorizonAndKeepItsRow() {
        run(Events.run(id("old"), 0, Events.succeeded(60, null)));
        run(Events.run(id("new"), 6 * DAY, Events.started(6 * DAY)));
        driver.advanceWallClock(SWEEP);
        assertThat(driver.entries(SyncLogBranch.LEDGER_STORE)).as("six days on, both are held").isEqualTo(2);

        run(Events.run(id("newer"), 8 * DAY, Events.started(8 * DAY)));
        driver.advanceWallClock(SWEEP);

        assertThat(driver.entries(SyncLogBranch.LEDGER_STORE)).as("the old run is forgotten, the open ones held").isEqualTo(2);
        assertThat(driver.syncLogs().get(id("old").toString()).getStatus()).isEqualTo(ConnectorSyncStatus.success);
        assertThat(driver.statuses().get(CONNECTOR.toString()).getTotalRuns()).as("forgetting counts nothing down").isEqualTo(3);
        assertThat(driver.rejections()).isEmpty();
    }

    @Test
    void shouldRejectALateEventForARunItForgot() {
        SyncRunEvent start = Events.run(id("old"), 0, Events.started(0));
        run(start);
        run(Events.run(id("old"), 60, Events.succeeded(60, null)));
        run(Events.run(id("later"), 9 * DAY, Events.started(9 * DAY)));
        driver.advanceWallClock(SWEEP);
        long revision = driver.syncLogs().get(id("old").toString()).getRevision();

        SyncRunEvent redelivered = Events.run(id("old"), 30, Events.failed(30, "a retry, much later"));
        run(redelivered);

        assertThat(driver.rejectionReasons()).containsExactly("arrived_after_horizon");
        assertThat(driver.rejections().get(0).getEventId()).isEqualTo(redelivered.getEventId().toString());
        assertThat(driver.rejections().get(0).getPayload()).as("kept to replay by hand").isNotNull();
        assertThat(driver.syncLogs().get(id("old").toString()).getRevision()).isEqualTo(revision);
    }

    @Test
    void shouldStillForgetARunRestoredFromItsChangelogThoughTheExpiryIndexIsNotChangelogged() {
        run(Events.run(id("old"), 0, Events.succeeded(60, null)));
        Object restored = driver.stored(SyncLogBranch.LEDGER_STORE, id("old").toString());
        assertThat(restored).isNotNull();

        // Another instance takes the partition over: the ledger store comes back from its changelog, nothing else does.
        try (LedgerDriver next = new LedgerDriver(TopologyConfig.defaults().withDiagnosticRetention(Duration.ofDays(3650)))) {
            next.seed(SyncLogBranch.LEDGER_STORE, id("old").toString(), restored);
            next.publish(Topics.SYNC_RUNS.name(), id("newer").toString(), Events.run(id("newer"), 8 * DAY, Events.started(8 * DAY)));
            next.advanceWallClock(SWEEP);

            assertThat(next.entries(SyncLogBranch.LEDGER_STORE)).as("the restored run is forgotten, the open one held").isEqualTo(1);
            SyncRunEvent late = Events.run(id("old"), 30, Events.failed(30, "after the horizon"));
            next.publish(Topics.SYNC_RUNS.name(), id("old").toString(), late);
            assertThat(next.rejectionReasons()).containsExactly("arrived_after_horizon");
        }
    }

    @Test
    void shouldRejectTheDeleteOfARunThatNeverCameOnceTheHorizonPasses() {
        SyncRunEvent delete = Events.run(id("ghost"), 0, Events.deleted());
        run(delete);
        assertThat(driver.syncLogs()).as("a delete alone is no row").isEmpty();

        run(Events.run(id("later"), 8 * DAY, Events.started(8 * DAY)));
        driver.advanceWallClock(SWEEP);

        assertThat(driver.rejectionReasons()).containsExactly("arrived_after_horizon");
        assertThat(driver.rejections().get(0).getEventId()).isEqualTo(delete.getEventId().toString());
        assertThat(driver.rejections().get(0).getPayload()).as("forgotten by position, without bytes").isNull();
    }

    @Test
    void shouldJudgeTheHorizonOnEventTimeCappedByTheRecordTimestamp() {
        run(Events.run(id("old"), 0, Events.succeeded(60, null)));
        SyncRunEvent fromTheFuture = Events.run(id("clock-ahead"), 30 * DAY, Events.started(30 * DAY));

        driver.publishRaw(Topics.SYNC_RUNS.name(), fromTheFuture.getSyncLogId().toString().getBytes(), encode(fromTheFuture),
                Events.t(120));
        driver.advanceWallClock(SWEEP);

        assertThat(driver.entries(SyncLogBranch.LEDGER_STORE)).as("a producer clock 30 days ahead forgets nothing").isEqualTo(2);
    }

    @Test
    void shouldHoldOnlyAHorizonOfRunsLinksAndCollectsWhileMonthsGoBy() {
        long maxHeld = 0;
        for (int day = 0; day < 30; day++) {
            for (int hour = 0; hour < 24; hour += 4) {
                long at = day * DAY + hour * 3_600L;
                UUID run = id("run-" + day + "-" + hour);
                run(Events.run(run, at, Events.succeeded(at + 60, null)));
                driver.publish(Topics.DOCUMENT_LINKS.name(), id("doc-" + run).toString(), Events.link(WORKSPACE, CONNECTOR, id("doc-" + run), at, true));
                driver.publish(Topics.COLLECTS.name(), id("collect-" + run).toString(),
                        Events.collect(WORKSPACE, CONNECTOR, id("collect-" + run), at, "finalized"));
            }
            driver.advanceWallClock(SWEEP);
            long held = driver.entries(SyncLogBranch.LEDGER_STORE) + driver.entries(DocumentLinkBranch.LEDGER_STORE)
                    + driver.entries(CollectBranch.LEDGER_STORE);
            maxHeld = Math.max(maxHeld, held);
        }

        assertThat(maxHeld).as("at most about nine days of three entities, six a day").isLessThanOrEqualTo(3 * 6 * 9);
        assertThat(driver.statuses().get(CONNECTOR.toString()).getTotalRuns()).isEqualTo(30 * 6 * 2);
        assertThat(driver.rejections()).isEmpty();
    }

    @Test
    void shouldForgetAsInputComesWhenNoWallClockPasses() {
        int perDay = 40;
        for (int day = 0; day < 30; day++) {
            for (int n = 0; n < perDay; n++) {
                long at = day * DAY + n * 60L;
                run(Events.run(id("run-" + day + "-" + n), at, Events.succeeded(at + 30, null)));
            }
        }

        long held = driver.entries(SyncLogBranch.LEDGER_STORE);
        int records = 30 * perDay;
        assertThat(held).as("a replay of 30 days in one go: the horizon, a day, and the records between two passes")
                .isLessThanOrEqualTo((7 + 1) * perDay + LedgerProcessor.FORGET_EVERY)
                .isLessThan(records);
        assertThat(driver.statuses().get(CONNECTOR.toString()).getTotalRuns()).isEqualTo(records);
    }

    private void run(SyncRunEvent event) {
        driver.publish(Topics.SYNC_RUNS.name(), event.getSyncLogId().toString(), event);
    }

    private static byte[] encode(SyncRunEvent event) {
        return dev.syncledger.schemas.serde.AvroCodec.<SyncRunEvent>create(SyncRunEvent.getClassSchema(),
                dev.syncledger.schemas.serde.SerdeConfig.withoutRegistry()).encode(Topics.SYNC_RUNS.name(), event);
    }
}

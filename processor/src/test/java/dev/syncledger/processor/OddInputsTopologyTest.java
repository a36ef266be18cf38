package dev.syncledger.processor;

import static dev.syncledger.processor.testing.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.limits.FieldLimits;
import dev.syncledger.processor.rejection.CheckedMetadata;
import dev.syncledger.processor.testing.Events;
import dev.syncledger.processor.testing.LedgerDriver;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inputs that once stalled a partition for good, each between ordinary runs: the odd one is kept within
 * its documented limit or rejected with its reason, the runs around it still make their rows, and no record
 * the topology writes (state, changelog, internal, rejected) comes near the producer's request limit.
 */
class OddInputsTopologyTest {

    private final LedgerDriver driver = new LedgerDriver();
    /** When the ordinary run after the odd input happens: past every event the test sent. */
    private long afterAt = 3_600;

    @BeforeEach
    void before() {
        run(Events.run(id("before"), 0, Events.succeeded(10, null)));
    }

    @AfterEach
    void afterwardOrdinaryRunsStillFlow() {
        run(Events.run(id("after"), afterAt, Events.succeeded(afterAt + 10, null)));
        assertThat(driver.syncLogs()).containsKeys(id("before").toString(), id("after").toString());
        assertThat(driver.syncLogs().get(id("after").toString()).getStatus()).isEqualTo(ConnectorSyncStatus.success);
        driver.assertEveryRecordFitsTheProducer();
        driver.close();
    }

    @Test
    void shouldKeepTheStartOfAStackTraceOfSixHundredThousandCharacters() {
        longError(600_000);
    }

    @Test
    void shouldKeepTheStartOfAStackTraceOfNineHundredFiftyThousandCharacters() {
        longError(950_000);
    }

    @Test
    void shouldCutAMetadataObjectOfNineHundredKilobytesToItsTopLevelNumbers() {
        String metadata = "{\"records_synced\":7,\"blob\":\"" + "m".repeat(900_000) + "\"}";

        run(Events.run(id("odd"), 100, Events.succeeded(110, metadata)));

        WorkspaceConnectorSyncLog row = driver.syncLogs().get(id("odd").toString());
        assertThat(row.getMetadata()).contains("\"records_synced\":7").contains(CheckedMetadata.TRUNCATION_MEMBER).doesNotContain("mmm");
        assertThat(driver.statuses().values()).singleElement().satisfies(status -> assertThat(status.getRecordsSyncedTotal()).isEqualTo(7));
    }

    @Test
    void shouldRejectAOneMegabyteKeyKeepingAPrefixOfItAndOfTheValue() {
        SyncRunEvent event = Events.run(id("odd"), 100, Events.started(100));
        String key = "k".repeat(1_000_000);

        driver.publishRaw(Topics.SYNC_RUNS.name(), key.getBytes(StandardCharsets.UTF_8), encode(event), Events.t(100));

        RejectedEvent rejection = single();
        assertThat(rejection.getReason()).isEqualTo("malformed");
        assertThat(rejection.getRecordKey()).hasSizeLessThanOrEqualTo(1_024);
        assertThat(rejection.getMessage()).hasSizeLessThanOrEqualTo(1_000).contains("must equal sync_log_id");
        assertThat(driver.syncLogs()).doesNotContainKey(id("odd").toString());
    }

    @Test
    void shouldTakeInAThousandDistinctEventsOfOneRunAndRejectTheRest() {
        for (int i = 0; i < 6_000; i++) {
            run(Events.run(id("odd"), 100 + i, Events.scheduled()));
        }

        assertThat(driver.rejections()).hasSize(5_000).allSatisfy(rejection -> assertThat(rejection.getReason()).isEqualTo("too_many_events"));
        assertThat(driver.syncLogs().get(id("odd").toString()).getStatus()).isEqualTo(ConnectorSyncStatus.scheduled);
    }

    @Test
    void shouldRejectANulInsideMetadataAndKeepTheRunsValidStart() {
        run(Events.run(id("odd"), 100, Events.started(100)));

        run(Events.run(id("odd"), 110, Events.succeeded(110, "{\"note\":\"a \\u0000 inside\"}")));

        assertThat(single().getReason()).isEqualTo("malformed");
        WorkspaceConnectorSyncLog row = driver.syncLogs().get(id("odd").toString());
        assertThat(row.getStatus()).isEqualTo(ConnectorSyncStatus.in_progress);
        assertThat(row.getStartedAt()).isEqualTo(Events.t(100));
        assertThat(driver.statuses().values()).singleElement().satisfies(status -> assertThat(status.getTotalRuns()).isEqualTo(2));
    }

    @Test
    void shouldRejectAnEventPastTheHorizon() {
        afterAt = Duration.ofDays(10).toSeconds() + 3_600;
        run(Events.run(id("now"), Duration.ofDays(10).toSeconds(), Events.started(Duration.ofDays(10).toSeconds())));
        SyncRunEvent late = Events.run(id("odd"), 100, Events.started(100));

        driver.publishRaw(Topics.SYNC_RUNS.name(), id("odd").toString().getBytes(StandardCharsets.UTF_8), encode(late),
                Events.t(Duration.ofDays(10).toSeconds()));

        assertThat(single().getReason()).isEqualTo("arrived_after_horizon");
        assertThat(driver.syncLogs()).doesNotContainKey(id("odd").toString());
    }

    @Test
    void shouldCountCloudTaskIdLengthAsPostgresqlDoes() {
        String rockets = "\uD83D\uDE80".repeat(200);
        SyncRunEvent event = Events.run(id("odd"), 100, new dev.syncledger.schemas.syncrun.SyncScheduled(null, rockets));

        run(event);

        assertThat(driver.rejections()).isEmpty();
        assertThat(driver.syncLogs().get(id("odd").toString()).getCloudTaskId()).isEqualTo(rockets);
    }

    private void longError(int characters) {
        String trace = "java.lang.IllegalStateException: upstream gone\n\tat com.example.Sync.run(Sync.java:42)\n";
        String error = trace.repeat(characters / trace.length() + 1).substring(0, characters);

        run(Events.run(id("odd"), 100, Events.started(100)));
        run(Events.run(id("odd"), 110, Events.failed(110, error)));
        run(Events.run(id("odd"), 120, Events.deleted()));

        WorkspaceConnectorSyncLog row = driver.syncLogs().get(id("odd").toString());
        assertThat(row.getStatus()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(row.getError()).startsWith(trace).endsWith("of " + characters + " characters]");
        assertThat(FieldLimits.characters(row.getError())).isLessThan(FieldLimits.LONG_TEXT_MAX_CHARS + 80);
        assertThat(row.getDeletedAt()).isEqualTo(Events.t(120));
        assertThat(driver.rejections()).isEmpty();
    }

    private RejectedEvent single() {
        assertThat(driver.rejections()).hasSize(1);
        return driver.rejections().get(0);
    }

    private void run(SyncRunEvent event) {
        driver.publish(Topics.SYNC_RUNS.name(), event.getSyncLogId().toString(), event);
    }

    private static byte[] encode(SyncRunEvent event) {
        return dev.syncledger.schemas.serde.AvroCodec.<SyncRunEvent>create(SyncRunEvent.getClassSchema(),
                dev.syncledger.schemas.serde.SerdeConfig.withoutRegistry()).encode(Topics.SYNC_RUNS.name(), event);
    }
}

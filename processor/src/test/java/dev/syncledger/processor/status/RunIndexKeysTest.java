package dev.syncledger.processor.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class RunIndexKeysTest {

    private static final UUID CONNECTOR = StateRows.CONNECTOR;

    @Test
    void shouldOrderKeysAsBytesExactlyAsRunsAreOrdered() {
        Random random = new Random(7);
        List<CreatedRun> runs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Instant time = Instant.ofEpochMilli(random.nextInt(3) == 0 ? random.nextLong() % 253_402_300_799_999L : random.nextInt(5));
            runs.add(new CreatedRun(new UUID(random.nextLong(), random.nextLong()), time, ConnectorSyncStatus.success));
        }

        List<CreatedRun> byRunOrder = runs.stream().sorted().toList();
        List<CreatedRun> byKeyBytes = runs.stream().sorted(Comparator.comparing(run -> RunIndexKeys.created(CONNECTOR, run))).toList();

        assertThat(byKeyBytes).isEqualTo(byRunOrder);
    }

    @Test
    void shouldReadBackTheTimeAndSyncLogIdOfAKey() {
        FinishedRun run = new FinishedRun(UUID.randomUUID(), Instant.parse("1970-01-01T00:00:00Z"), "boom");

        Bytes key = RunIndexKeys.finished(CONNECTOR, RunOutcome.ERROR, run);

        assertThat(RunIndexKeys.timeOf(key)).isEqualTo(run.completedAt());
        assertThat(RunIndexKeys.syncLogIdOf(key)).isEqualTo(run.syncLogId());
    }

    @Test
    void shouldKeepEveryKeyOfAPrefixBetweenItsLowestAndHighest() {
        byte[] prefix = RunIndexKeys.prefix(CONNECTOR, RunOutcome.SUCCESS);
        Bytes earliest = RunIndexKeys.finished(CONNECTOR, RunOutcome.SUCCESS,
                new FinishedRun(new UUID(0, 0), Instant.ofEpochMilli(Long.MIN_VALUE), null));
        Bytes latest = RunIndexKeys.finished(CONNECTOR, RunOutcome.SUCCESS,
                new FinishedRun(new UUID(-1, -1), Instant.ofEpochMilli(Long.MAX_VALUE), null));
        Bytes otherOutcome = RunIndexKeys.finished(CONNECTOR, RunOutcome.ERROR, new FinishedRun(new UUID(0, 0), Instant.EPOCH, null));

        assertThat(earliest.compareTo(RunIndexKeys.lowest(prefix))).isGreaterThanOrEqualTo(0);
        assertThat(latest.compareTo(RunIndexKeys.highest(prefix))).isLessThanOrEqualTo(0);
        assertThat(otherOutcome.compareTo(RunIndexKeys.highest(prefix)) > 0 || otherOutcome.compareTo(RunIndexKeys.lowest(prefix)) < 0).isTrue();
    }
}

package dev.syncledger.bench;

import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.synclog.SyncLogBranch;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncStarted;
import dev.syncledger.app.events.OutgoingEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The processor's heap and resident memory while it holds many live runs, and how long its stores
 * take to come back from their changelogs once the local state is deleted. Each run is one
 * sync.started event, so the number of live runs is the number of events. Memory is the growth of
 * this process (broker included) from just before the processor starts, measured after a full GC.
 */
final class MemoryBenchmark {

    private static final String APPLICATION_ID = "memory-bench";
    private static final int CONNECTORS = 10_000;
    private static final int WORKSPACES = 100;

    private final BenchSize size;
    private final BenchKafka kafka;

    MemoryBenchmark(BenchSize size, BenchKafka kafka) {
        this.size = size;
        this.kafka = kafka;
    }

    StageResult run() {
        kafka.freshTopics(List.of());
        long runs = kafka.publishAll(() -> startedRuns(size.memoryRuns()));
        StreamsSettings settings = kafka.streams(APPLICATION_ID, StreamsConfig.EXACTLY_ONCE_V2);
        ProcessMemory before = ProcessMemory.now();
        ProcessMemory grown;
        ProcessMemory held;
        long liveRuns;
        try (ProcessorRunner processor = ProcessorRunner.start(settings, kafka.topology(), BenchKafka.START_TIMEOUT)) {
            kafka.awaitFolded(APPLICATION_ID);
            held = ProcessMemory.now();
            grown = held.minus(before);
            liveRuns = processor.streams().store(StoreQueryParameters.fromNameAndType(SyncLogBranch.LEDGER_STORE,
                    QueryableStoreTypes.keyValueStore())).approximateNumEntries();
            // Kafka Streams stays in its group on close by default: the restoring instance would wait out
            // the session timeout before it is given the tasks, and that wait is not restoration.
            processor.streams().close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        WorkFolder.delete(settings.stateDir());
        Restoration restore = Restoration.fromChangelogs(settings, kafka);
        return result(runs, liveRuns, held, grown, restore);
    }

    /** One sync.started per run, spread over the connectors: each leaves one live run in the stores. */
    private static Iterator<OutgoingEvent> startedRuns(int runs) {
        Random random = new Random(5);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
        return new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return given < runs;
            }

            @Override
            public OutgoingEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int connector = given % CONNECTORS;
                Instant at = start.plusMillis(given);
                UUID syncLogId = new UUID(random.nextLong(), random.nextLong());
                SyncRunEvent event = SyncRunEvent.newBuilder()
                        .setEventId(new UUID(random.nextLong(), random.nextLong()))
                        .setOccurredAt(at)
                        .setWorkspaceId(new UUID(0, connector % WORKSPACES))
                        .setWorkspaceConnectorId(new UUID(1, connector))
                        .setSyncLogId(syncLogId)
                        .setPayload(new SyncStarted(at, TriggerType.cloud_task, "task-" + given))
                        .build();
                given++;
                return new OutgoingEvent("sync.started", Topics.SYNC_RUNS.name(), syncLogId.toString(), event);
            }
        };
    }

    private static StageResult result(long runs, long liveRuns, ProcessMemory held, ProcessMemory grown, Restoration restore) {
        List<ResultRow> rows = List.of(
                new ResultRow("memory", String.format("heap after GC (growth), %,d live runs", liveRuns), Numbers.mebibytes(held.heapBytes()),
                        "(" + Numbers.mebibytes(grown.heapBytes()) + ")", "", ""),
                new ResultRow("memory", String.format("RSS (growth), %,d live runs", liveRuns), Numbers.mebibytes(held.rssBytes()),
                        "(" + Numbers.mebibytes(grown.rssBytes()) + ")", "", ""),
                ResultRow.plain("memory", String.format("restore from changelogs (%,d records)", restore.records()),
                        Numbers.millis(restore.nanos() / 1e6)));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("runs_published", runs);
        numbers.put("live_runs_approximate", liveRuns);
        numbers.put("heap_bytes", held.heapBytes());
        numbers.put("rss_bytes", held.rssBytes());
        numbers.put("heap_growth_bytes", grown.heapBytes());
        numbers.put("rss_growth_bytes", grown.rssBytes());
        numbers.put("restore_ms", restore.nanos() / 1e6);
        numbers.put("restored_records", restore.records());
        return new StageResult("memory", rows, numbers);
    }
}

package dev.syncledger.app.faults;

import dev.syncledger.app.testing.PublishedRecord;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncScheduled;
import dev.syncledger.schemas.syncrun.SyncStarted;
import dev.syncledger.schemas.syncrun.SyncSucceeded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The inputs that used to stop a partition for good, as records to slip between a workload's ordinary ones.
 * Each is legitimate data or a plausible producer mistake; each must be stored within its limit or rejected
 * with its reason, and the runs around it must keep flowing.
 */
enum OddInput {
    ERROR_OF_600000_CHARACTERS,
    ERROR_OF_950000_CHARACTERS,
    METADATA_OF_900_KB,
    KEY_OF_1_MB,
    SIX_THOUSAND_EVENTS_ON_ONE_RUN,
    NUL_INSIDE_METADATA,
    EVENT_PAST_THE_HORIZON,
    CONNECTOR_CLAIMED_BY_TWO_WORKSPACES;

    private static final AvroCodec<SyncRunEvent> CODEC = AvroCodec.create(SyncRunEvent.getClassSchema(), SerdeConfig.withoutRegistry());
    private static final String TRACE = "java.lang.IllegalStateException: upstream gone\n\tat com.example.Sync.run(Sync.java:42)\n";

    /**
     * The odd records for a workload starting at {@code start}, naming {@code workspace} and {@code connector}
     * (a connector of the workload, already owned by {@code workspace} when they are published).
     */
    List<PublishedRecord> records(Instant start, UUID workspace, UUID connector) {
        UUID run = UUID.nameUUIDFromBytes(("odd-" + name()).getBytes(StandardCharsets.UTF_8));
        Instant at = start.plus(Duration.ofMinutes(30));
        return switch (this) {
            case ERROR_OF_600000_CHARACTERS -> failedRun(run, workspace, connector, at, 600_000);
            case ERROR_OF_950000_CHARACTERS -> failedRun(run, workspace, connector, at, 950_000);
            case METADATA_OF_900_KB -> List.of(
                    record(run, event(run, workspace, connector, at, new SyncStarted(at, null, null))),
                    record(run, event(run, workspace, connector, at.plusSeconds(5), new SyncSucceeded(at.plusSeconds(5),
                            "{\"records_synced\":9,\"blob\":\"" + "m".repeat(900_000) + "\"}"))));
            case KEY_OF_1_MB -> List.of(new PublishedRecord(Topics.SYNC_RUNS.name(), "k".repeat(1_000_000),
                    CODEC.encode(Topics.SYNC_RUNS.name(), event(run, workspace, connector, at, new SyncStarted(at, null, null)))));
            case SIX_THOUSAND_EVENTS_ON_ONE_RUN -> {
                List<PublishedRecord> records = new ArrayList<>();
                for (int i = 0; i < 6_000; i++) {
                    records.add(record(run, event(run, workspace, connector, at.plusMillis(i), new SyncScheduled(null, null))));
                }
                yield records;
            }
            case NUL_INSIDE_METADATA -> List.of(
                    record(run, event(run, workspace, connector, at, new SyncStarted(at, null, null))),
                    record(run, event(run, workspace, connector, at.plusSeconds(5),
                            new SyncSucceeded(at.plusSeconds(5), "{\"note\":\"a \\u0000 inside\"}"))));
            case EVENT_PAST_THE_HORIZON -> List.of(record(run, event(run, workspace, connector, start.minus(Duration.ofDays(30)),
                    new SyncStarted(start.minus(Duration.ofDays(30)), null, null))));
            case CONNECTOR_CLAIMED_BY_TWO_WORKSPACES -> {
                UUID intruder = UUID.nameUUIDFromBytes("another workspace".getBytes(StandardCharsets.UTF_8));
                yield List.of(
                        record(run, event(run, intruder, connector, at, new SyncStarted(at, null, null))),
                        record(run, event(run, intruder, connector, at.plusSeconds(5), new SyncFailed(at.plusSeconds(5), "not yours", null))));
            }
        };
    }

    /** Whether the odd records must come once the ordinary ones before them are processed: a claim races otherwise. */
    boolean needsTheConnectorOwnedFirst() {
        return this == CONNECTOR_CLAIMED_BY_TWO_WORKSPACES;
    }

    private static List<PublishedRecord> failedRun(UUID run, UUID workspace, UUID connector, Instant at, int characters) {
        String error = TRACE.repeat(characters / TRACE.length() + 1).substring(0, characters);
        return List.of(
                record(run, event(run, workspace, connector, at, new SyncStarted(at, null, null))),
                record(run, event(run, workspace, connector, at.plusSeconds(5), new SyncFailed(at.plusSeconds(5), error, null))),
                record(run, event(run, workspace, connector, at.plusSeconds(6), new SyncScheduled(null, null))));
    }

    private static SyncRunEvent event(UUID run, UUID workspace, UUID connector, Instant at, Object payload) {
        return new SyncRunEvent(UUID.randomUUID(), at, workspace, connector, run, payload);
    }

    private static PublishedRecord record(UUID run, SyncRunEvent event) {
        return new PublishedRecord(Topics.SYNC_RUNS.name(), run.toString(), CODEC.encode(Topics.SYNC_RUNS.name(), event));
    }
}

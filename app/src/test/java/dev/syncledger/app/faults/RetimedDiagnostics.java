package dev.syncledger.app.faults;

import dev.syncledger.app.testing.PublishedRecord;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A workload whose diagnostics are dated so that retention matters within the test: every other
 * diagnostic (by id, so that duplicates stay exact copies) expires at a moment spread over a window of
 * the test's wall clock, the rest stay far younger than the retention.
 */
final class RetimedDiagnostics {

    private static final AvroCodec<DiagnosticEvent> CODEC = AvroCodec.create(DiagnosticEvent.getClassSchema(), SerdeConfig.withoutRegistry());

    final List<PublishedRecord> records;
    final Set<UUID> expiring;
    final Set<UUID> young;

    private RetimedDiagnostics(List<PublishedRecord> records, Set<UUID> expiring, Set<UUID> young) {
        this.records = records;
        this.expiring = expiring;
        this.young = young;
    }

    /**
     * @param youngAt      when the young diagnostics occurred: they stay for the whole retention after it
     * @param firstExpiry  the wall-clock moment the first expiring diagnostic becomes older than the retention
     * @param spread       over how long after it the expiring ones keep expiring
     */
    static RetimedDiagnostics of(List<PublishedRecord> workload, Duration retention, Instant youngAt, Instant firstExpiry, Duration spread) {
        List<PublishedRecord> records = new ArrayList<>(workload.size());
        Set<UUID> expiring = new HashSet<>();
        Set<UUID> young = new HashSet<>();
        String topic = Topics.DIAGNOSTICS.name();
        for (PublishedRecord record : workload) {
            if (!record.topic().equals(topic)) {
                records.add(record);
                continue;
            }
            DiagnosticEvent event = decode(record);
            UUID id = event.getDiagnosticId();
            int hash = id.hashCode() & Integer.MAX_VALUE;
            if (hash % 2 == 0) {
                expiring.add(id);
                event.setOccurredAt(firstExpiry.minus(retention).plusMillis(hash % Math.max(1, spread.toMillis())));
            } else {
                young.add(id);
                event.setOccurredAt(youngAt);
            }
            records.add(new PublishedRecord(topic, record.key(), CODEC.encode(topic, event)));
        }
        return new RetimedDiagnostics(records, expiring, young);
    }

    private static DiagnosticEvent decode(PublishedRecord record) {
        try {
            return CODEC.decode(record.topic(), record.value());
        } catch (UndecodableRecordException e) {
            throw new IllegalStateException("a generated diagnostic that does not decode", e);
        }
    }
}

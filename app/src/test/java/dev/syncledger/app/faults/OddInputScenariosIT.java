package dev.syncledger.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.testing.LedgerOracle;
import dev.syncledger.app.testing.PublishedRecord;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each input that used to stop a partition for good, slipped between the two halves of a workload run through
 * the real broker, processor and sink: the workload's rows, the odd input's row or rejection and the connector
 * statuses must all match the oracle. {@code mvn -Pfaults verify} runs these at 200,000 events; {@code mvn
 * verify} covers each odd input in {@code OddInputsTopologyTest}, where no process needs to die.
 */
class OddInputScenariosIT {

    private static final FaultSize SIZE = FaultSize.fromSystemProperties();
    private static final TopologyConfig TOPOLOGY = TopologyConfig.defaults().withDiagnosticRetention(FaultPipeline.KEEP_EVERYTHING);
    private static final AvroCodec<SyncRunEvent> RUNS = AvroCodec.create(SyncRunEvent.getClassSchema(), SerdeConfig.withoutRegistry());

    @ParameterizedTest
    @EnumSource(OddInput.class)
    void scenario11OddInputAmongOrdinaryRuns(OddInput odd, @TempDir Path dir) throws Exception {
        List<PublishedRecord> workload = FaultWorkload.records(20 + odd.ordinal(), SIZE.events());
        List<List<PublishedRecord>> halves = FaultWorkload.slices(workload, 2);
        SyncRunEvent owned = firstRun(halves.get(0));
        List<PublishedRecord> oddRecords = odd.records(FaultWorkload.START, owned.getWorkspaceId(), owned.getWorkspaceConnectorId());
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            pipeline.startSink("sink");
            pipeline.startProcessor("processor");
            pipeline.publish(halves.get(0));
            if (odd.needsTheConnectorOwnedFirst()) {
                pipeline.awaitCaughtUp();
            }
            pipeline.publish(oddRecords);
            pipeline.publish(halves.get(1));
            pipeline.awaitCaughtUp();

            List<PublishedRecord> all = new ArrayList<>(halves.get(0));
            all.addAll(oddRecords);
            all.addAll(halves.get(1));
            OracleComparison comparison = pipeline.compare(LedgerOracle.ofRecords(all, TOPOLOGY, FaultWorkload.START, FaultPipeline.PARTITIONS));
            ScenarioReport.record("11-" + odd.name().toLowerCase().replace('_', '-'), all.size(), Duration.between(began, Instant.now()),
                    comparison, Optional.empty());
            assertThat(comparison.rowsCompared()).as("rows compared").isPositive();
            assertThat(comparison.mismatches()).as(comparison.describe()).isEmpty();
        }
    }

    private static SyncRunEvent firstRun(List<PublishedRecord> records) throws UndecodableRecordException {
        for (PublishedRecord record : records) {
            if (record.topic().equals(Topics.SYNC_RUNS.name())) {
                return RUNS.decode(record.topic(), record.value());
            }
        }
        throw new IllegalStateException("the workload has no sync run");
    }
}

package dev.syncledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark runs at the quick size on the real broker and PostgreSQL, so that the harness
 * cannot rot between the runs made by hand. Only that each stage ran and its output is sane is
 * checked: positive numbers, the JSON written, row counts that match. Speeds are never asserted.
 */
class BenchIT {

    @Test
    void shouldRunEveryStageAtTheQuickSizeAndWriteTheirNumbers(@TempDir Path folder) throws Exception {
        Path json = folder.resolve("bench.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Bench.run(BenchOptions.parse("--size", "quick", "--out", json.toString()), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("processor", "sink", "e2e", "retention", "memory");
        JsonNode stages = new ObjectMapper().readTree(json.toFile()).get("stages");
        assertThat(stages.fieldNames()).toIterable().containsExactly("processor", "sink", "peer", "e2e", "retention", "memory", "state",
                "freshness", "alerts", "api");

        JsonNode processor = stages.get("processor");
        assertThat(processor.get("events").asLong()).isEqualTo(BenchSize.QUICK.processorEvents());
        for (String guarantee : new String[] {"exactly_once_v2", "at_least_once"}) {
            assertThat(processor.get(guarantee).get("processor_events_per_s").asDouble()).isPositive();
            assertThat(processor.get(guarantee).get("pass_through_events_per_s").asDouble()).isPositive();
        }
        assertThat(processor.get("exactly_once_v2").get("stateful_floor_events_per_s").asDouble()).isPositive();

        JsonNode sink = stages.get("sink");
        assertThat(sink.get("sink_rows_written").asLong()).isPositive();
        assertThat(sink.get("cold_sink_rows_written").asLong()).as("the untimed first run wrote too").isPositive();
        assertThat(sink.get("copy_rows").asLong()).isEqualTo(sink.get("table_rows").asLong()).isPositive();
        assertThat(sink.get("naive_rows").asLong()).isPositive();
        assertThat(sink.get("ratio_to_copy").asDouble()).isPositive();
        assertThat(sink.get("ratio_to_schema_copy").asDouble()).isPositive();
        assertThat(sink.get("schema_copy_rows").asLong()).as("the real-schema copy holds the sink's rows")
                .isEqualTo(sink.get("copy_rows").asLong());
        assertThat(sink.get("naive_slice_rows_per_s").size()).isBetween(NaiveSink.MIN_SLICES, NaiveSink.MAX_SLICES);
        assertThat(sink.get("ratio_to_naive").asDouble()).isPositive();

        JsonNode peer = stages.get("peer");
        assertThat(peer.get("records").asLong()).isEqualTo((long) BenchSize.QUICK.peerKeys() * PeerBenchmark.UPDATES);
        assertThat(peer.get("runs")).hasSize(PeerBenchmark.RUNS);
        assertThat(peer.get("median_ratio").asDouble()).isPositive();

        JsonNode e2e = stages.get("e2e");
        assertThat(e2e.get("runs_timed").asLong()).isPositive();
        assertThat(e2e.get("p50_ms").asDouble()).isPositive();
        assertThat(e2e.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(e2e.get("p50_ms").asDouble());
        assertThat(e2e.get("max_ms").asDouble()).isGreaterThanOrEqualTo(e2e.get("p99_ms").asDouble());

        JsonNode retention = stages.get("retention");
        int expiring = BenchSize.QUICK.retentionLive() / 100;
        assertThat(retention.get("small").get("expired").asLong()).isEqualTo(expiring);
        assertThat(retention.get("small").get("kept").asLong()).isEqualTo(BenchSize.QUICK.retentionLive() - expiring);
        assertThat(retention.get("large").get("expired").asLong()).isEqualTo(expiring);
        assertThat(retention.get("large").get("kept").asLong()).isEqualTo(BenchSize.QUICK.retentionLiveLarge() - expiring);

        JsonNode memory = stages.get("memory");
        assertThat(memory.get("runs_published").asLong()).isEqualTo(BenchSize.QUICK.memoryRuns());
        assertThat(memory.get("live_runs_approximate").asLong()).isPositive();
        assertThat(memory.get("heap_bytes").asLong()).isPositive();
        assertThat(memory.get("restored_records").asLong()).isPositive();
        assertThat(memory.get("restore_ms").asDouble()).isPositive();

        JsonNode state = stages.get("state");
        assertThat(state.get("events").asLong()).isGreaterThanOrEqualTo(BenchSize.QUICK.stateEvents());
        assertThat(state.get("per_day")).hasSize(BenchSize.QUICK.stateDays());
        JsonNode lastDay = state.get("per_day").get(BenchSize.QUICK.stateDays() - 1);
        assertThat(lastDay.get("entries").get("sync-log-ledgers").asLong()).as("runs held on the last day").isPositive();
        assertThat(lastDay.get("ledger_store_bytes").asLong()).isPositive();
        assertThat(state.get("restored_records").asLong()).isPositive();

        JsonNode freshness = stages.get("freshness");
        assertThat(freshness.get("large").get("statuses_published").asLong()).as("exactly the due connectors turned delayed")
                .isEqualTo(freshness.get("large").get("due").asLong()).isPositive();
        assertThat(freshness.get("large").get("connectors").asLong()).isGreaterThan(freshness.get("small").get("connectors").asLong());

        JsonNode alerts = stages.get("alerts");
        assertThat(alerts.get("alerts_timed").asLong()).isPositive();
        assertThat(alerts.get("never_received").asLong()).isZero();
        assertThat(alerts.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(alerts.get("p50_ms").asDouble()).isPositive();

        JsonNode api = stages.get("api");
        assertThat(api.get("requests").asLong()).isPositive();
        assertThat(api.get("failed_requests").asLong()).isZero();
        assertThat(api.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(api.get("p50_ms").asDouble()).isPositive();
    }
}

package dev.syncledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's numbers are only worth reading if it prunes what it says: checked at a tiny size, never timed. */
class DiagnosticPruneBenchmarkTest {

    @Test
    void shouldPruneExactlyTheExpiringOnePercentAndKeepTheRest(@TempDir Path stateDir) {
        DiagnosticPruneBenchmark.Result result = new DiagnosticPruneBenchmark().run(2_000, 20, stateDir, 7);

        assertThat(result.loaded()).isEqualTo(2_000);
        assertThat(result.rowsPruned()).isEqualTo(20);
        assertThat(result.rowsKept()).isEqualTo(1_980);
    }

    @Test
    void shouldReadTheSizeArgument() {
        assertThat(DiagnosticPruneBenchmark.sizeFrom(new String[0])).isEqualTo(DiagnosticPruneBenchmark.DEFAULT_SIZE);
        assertThat(DiagnosticPruneBenchmark.sizeFrom(new String[] {"--size", "1_000"})).isEqualTo(1_000);
        assertThatThrownBy(() -> DiagnosticPruneBenchmark.sizeFrom(new String[] {"--size"})).hasMessageContaining("usage");
        assertThatThrownBy(() -> DiagnosticPruneBenchmark.sizeFrom(new String[] {"--size", "10"})).hasMessageContaining("at least 100");
    }
}

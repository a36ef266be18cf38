package dev.syncledger.app.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    private static final String START = "2026-11-22T08:00:00Z";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static String expectedLines(WorkloadSpec spec) {
        return String.join("\n", new WorkloadGenerator(spec).lines().toList()) + "\n";
    }

    @Test
    void shouldWriteOnlyTheWorkloadsLinesToStandardOutputAndOneSummaryLineToStandardError() {
        int code = run("generate", "--workspaces", "2", "--connectors", "3", "--runs", "4", "--start", START);

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo(expectedLines(WorkloadSpec.of(1, 2, 3, 4, Instant.parse(START))));
        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("generated ").contains("24 runs").contains("seed 1");
    }

    @Test
    void shouldWriteTheSameBytesToTheOutputFileForTheSameSeedAndStart(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        String[] flags = {"--seed", "9", "--workspaces", "3", "--connectors", "2", "--runs", "5", "--duplicates", "0.1",
                "--out-of-order", "0.2", "--start", START};

        assertThat(run(concat(new String[] {"generate", "--output", first.toString()}, flags))).isZero();
        assertThat(run(concat(new String[] {"generate", "--output", second.toString()}, flags))).isZero();

        assertThat(out.toString()).isEmpty();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        WorkloadSpec spec = new WorkloadSpec(9, 3, 2, 5, Instant.parse(START), 0.1, 0.2, WorkloadRates.realistic());
        assertThat(Files.readString(first, StandardCharsets.UTF_8)).isEqualTo(expectedLines(spec));
        assertThat(err.toString()).contains("to " + first);
    }

    @Test
    void shouldEndTheWorkloadAboutNowWhenNoStartIsGiven() {
        Instant before = Instant.now();

        int code = run("generate", "--workspaces", "1", "--connectors", "2", "--runs", "3", "--duplicates", "0");

        Instant after = Instant.now();
        assertThat(code).isZero();
        List<Instant> times = out.toString().lines().map(line -> GeneratedWorkload.time(GeneratedWorkload.parse(line), "occurred_at")).toList();
        Instant earliestStart = before.minus(Duration.ofHours(3)).minus(Duration.ofMinutes(1));
        assertThat(times).allSatisfy(time -> assertThat(time).isAfterOrEqualTo(earliestStart).isBefore(after));
    }

    @Test
    void shouldRefuseARateAboveOneWithTheUsageCodeAndOneLine() {
        int code = run("generate", "--duplicates", "1.5");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--duplicates must be a rate between 0 and 1").contains("--help");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownFlagWithTheUsageCodeAndOneLine() {
        int code = run("generate", "--no-such-flag");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--no-such-flag");
    }

    @Test
    void shouldRefuseAStartThatIsNotAnInstant() {
        int code = run("generate", "--start", "yesterday");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void shouldRefuseNoWorkspacesAndTooManyConnectors() {
        assertThat(run("generate", "--workspaces", "0")).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(run("generate", "--workspaces", "1000", "--connectors", "11")).isEqualTo(SyncLedgerCli.EXIT_USAGE);

        assertThat(err.toString()).contains("--workspaces must be at least 1").contains("must be at most 10000");
    }

    @Test
    void shouldSayInOneLineThatTheOutputDirectoryDoesNotExist(@TempDir Path dir) {
        int code = run("generate", "--runs", "1", "--output", dir.resolve("missing/out.jsonl").toString());

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("cannot write").contains("no such directory");
    }

    @Test
    void shouldSayInItsHelpThatTheOutputIsDeterministicForASeedAndStart() {
        int code = run("generate", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--seed").contains("--workspaces").contains("--connectors").contains("--runs")
                .contains("--duplicates").contains("--out-of-order").contains("--start").contains("--output")
                .contains("deterministic for a given --seed and --start");
    }

    @Test
    void shouldBeListedAmongTheCommands() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("generate");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}

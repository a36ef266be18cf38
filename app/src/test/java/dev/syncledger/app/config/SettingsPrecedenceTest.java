package dev.syncledger.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import dev.syncledger.app.cli.EnvironmentDefaults;
import dev.syncledger.app.run.RunCommand;
import dev.syncledger.processor.store.BoundedRocksDB;
import dev.syncledger.sink.SinkConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Flag beats environment beats --config file beats default, for every option of every command. */
class SettingsPrecedenceTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakeTheFlagOverTheEnvironmentOverTheFileOverTheDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("sync-ledger.properties"), "application-id=from-file\n");
        Map<String, String> env = Map.of("SYNC_LEDGER_APPLICATION_ID", "from-env");

        assertThat(applicationId(env, "run", "--config", file.toString(), "--application-id", "from-flag")).isEqualTo("from-flag");
        assertThat(applicationId(env, "run", "--config", file.toString())).isEqualTo("from-env");
        assertThat(applicationId(Map.of(), "run", "--config", file.toString())).isEqualTo("from-file");
        assertThat(applicationId(Map.of(), "run")).isEqualTo("sync-ledger");
    }

    @Test
    void shouldFindTheConfigFileFromTheEnvironmentToo() throws Exception {
        Path file = Files.writeString(dir.resolve("sync-ledger.properties"), "bootstrap-servers=kafka-1:9092\nthreads=4\n");

        SyncLedgerSettings settings = settings(Map.of("SYNC_LEDGER_CONFIG", file.toString()), "run");

        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092");
        assertThat(settings.threads()).isEqualTo(4);
        assertThat(settings.sinkGroupId()).isEqualTo("sync-ledger-sink");
        assertThat(settings.diagnosticRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.stateDir()).isEqualTo(Path.of(System.getProperty("user.home"), "sync-ledger-state"));
    }

    @Test
    void shouldHandTheStoreBudgetToTheProcessorsRocksDbStores() {
        assertThat(settings(Map.of(), "run").streams().toProperties().get(BoundedRocksDB.MEMORY_BYTES_CONFIG)).isEqualTo(512L << 20);
        assertThat(settings(Map.of("SYNC_LEDGER_STORE_MEMORY_MIB", "2048"), "run").streams().toProperties()
                .get(BoundedRocksDB.MEMORY_BYTES_CONFIG)).isEqualTo(2048L << 20);
    }

    @Test
    void shouldHandTheTransactionBoundsToTheSink() {
        assertThat(settings(Map.of(), "run").sink().maxBatchRows()).isEqualTo(SinkConfig.DEFAULT_MAX_BATCH_ROWS);
        assertThat(settings(Map.of(), "run").sink().maxBatchRecords()).isEqualTo(SinkConfig.DEFAULT_MAX_BATCH_RECORDS);
        SinkConfig sink = settings(Map.of("SYNC_LEDGER_SINK_MAX_BATCH_ROWS", "5000"), "run", "--sink-max-batch-records", "20000").sink();
        assertThat(sink.maxBatchRows()).isEqualTo(5_000);
        assertThat(sink.maxBatchRecords()).isEqualTo(20_000);
    }

    @Test
    void shouldLetEveryOptionOfEveryCommandBeSetFromTheEnvironmentAndTheFile() {
        CommandLine commandLine = SyncLedgerCli.create(CliEnvironment.of(Map.of()));
        List<OptionSpec> options = new ArrayList<>();
        collect(commandLine, options);

        assertThat(options).isNotEmpty();
        for (OptionSpec option : options) {
            assertThat(option.longestName()).as("option %s has a long name", option).startsWith("--");
            assertThat(String.join(" ", option.description())).as("%s has a description", option.longestName()).isNotBlank();
            String variable = EnvironmentDefaults.variableFor(option.longestName());
            assertThat(variable).matches("SYNC_LEDGER_[A-Z0-9_]+");
            assertThat(new EnvironmentDefaults(Map.of(variable, "x")).defaultValue(option))
                    .as("%s read from %s", option.longestName(), variable).isEqualTo("x");
        }
        assertThat(SyncLedgerCli.settingNames(commandLine)).contains("bootstrap-servers", "schema-registry-url", "database-url", "schema",
                "application-id", "threads", "diagnostic-retention", "create-topics", "partitions", "replication-factor", "only",
                "state-dir", "verbose", "config");
    }

    @Test
    void shouldRefuseAnUnknownSettingInTheFileInOneLineWithTheUsageCode() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.properties"), "bootstrap-server=kafka:9092\n");
        StringWriter err = new StringWriter();

        int code = SyncLedgerCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), CliEnvironment.of(Map.of()),
                "run", "--config", file.toString());

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("unknown setting 'bootstrap-server'").contains("bootstrap-servers");
    }

    @Test
    void shouldRefuseAMissingConfigFileWithTheUsageCode() {
        StringWriter err = new StringWriter();

        int code = SyncLedgerCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), CliEnvironment.of(Map.of()),
                "run", "--config=" + dir.resolve("missing.properties"));

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("no such configuration file");
    }

    @Test
    void shouldRefuseABadValueFromTheEnvironmentAsAUsageError() {
        StringWriter err = new StringWriter();

        int code = SyncLedgerCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                CliEnvironment.of(Map.of("SYNC_LEDGER_THREADS", "many")), "run");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--threads").contains("many");
    }

    private static String applicationId(Map<String, String> env, String... args) {
        return settings(env, args).applicationId();
    }

    private static SyncLedgerSettings settings(Map<String, String> env, String... args) {
        CommandLine commandLine = SyncLedgerCli.create(CliEnvironment.of(env), args);
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        return run.settings();
    }

    private static void collect(CommandLine commandLine, List<OptionSpec> options) {
        commandLine.getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .forEach(options::add);
        commandLine.getSubcommands().values().forEach(sub -> collect(sub, options));
    }
}

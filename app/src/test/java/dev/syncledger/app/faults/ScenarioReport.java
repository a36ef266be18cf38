package dev.syncledger.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per scenario, logged and appended to {@code target/faults-report.txt}, so that a run's
 * numbers can be quoted: events, elapsed, rows compared, mismatches, and for the outages the time from
 * recovery to caught up.
 */
final class ScenarioReport {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioReport.class);
    static final Path FILE = Path.of("target", "faults-report.txt");

    private ScenarioReport() {}

    static void record(String scenario, int events, Duration elapsed, OracleComparison comparison, Optional<Duration> recoveryToCaughtUp) {
        String line = String.format("%s scenario=%s events=%d elapsed_ms=%d rows_compared=%d mismatches=%d recovery_to_caught_up_ms=%s",
                Instant.now(), scenario, events, elapsed.toMillis(), comparison.rowsCompared(), comparison.mismatches().size(),
                recoveryToCaughtUp.map(d -> Long.toString(d.toMillis())).orElse("-"));
        LOG.info("fault scenario: {}", line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + FILE, e);
        }
    }
}

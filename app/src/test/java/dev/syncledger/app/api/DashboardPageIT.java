package dev.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncledger.app.generate.WorkloadGenerator;
import dev.syncledger.app.generate.WorkloadRates;
import dev.syncledger.app.generate.WorkloadSpec;
import dev.syncledger.app.replay.Replay;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.sink.db.Database;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The connectors page in a real headless Chromium (Debian's, driven by Selenium through chromedriver): a generated
 * workload replayed through the whole pipeline, then the page of one workspace, whose connectors and numbers must be
 * the database's. A screenshot lands in app/target/dashboard.png. Skipped, saying why, where Chromium is not
 * installed (.ci/run installs it).
 */
class DashboardPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final byte[] SECRET = "a-dashboard-test-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void showsTheWorkspacesConnectorsAndNumbersAsTheDatabaseHoldsThem() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
        try (TestDatabase testDatabase = TestDatabase.freshSchema()) {
            Instant now = Instant.now();
            WorkloadSpec workload = new WorkloadSpec(7, 2, 3, 12, now.minus(WorkloadSpec.span(12)).truncatedTo(ChronoUnit.MINUTES), 0, 0,
                    WorkloadRates.realistic().withFailureStreaks(0.5).withSilentConnectors(0.3));
            List<String> generated = new ArrayList<>();
            new WorkloadGenerator(workload).forEach(generated::add);
            String lines = String.join("\n", generated) + "\n" + String.join("\n", failuresWithoutErrorText(generated));
            TopologyConfig topology = TopologyConfig.defaults();
            new Replay(new Replay.ReplayOptions(testDatabase.url(), testDatabase.schema(), topology, 2, Duration.ofSeconds(90)))
                    .run(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));

            try (Database database = Database.connect(testDatabase.url(), testDatabase.schema());
                 ReadApi api = ReadApi.start(database.jdbi(), new ApiTokens(SECRET), "127.0.0.1", 0)) {
                UUID workspace = database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT w.workspace_id FROM connector_status s JOIN workspaces w ON w.pk = s.workspace_pk ORDER BY w.workspace_id LIMIT 1")
                        .mapTo(UUID.class).one());
                Map<String, String> expected = expectedRows(database, workspace);
                String token = api.tokens().mint(workspace, Duration.ofMinutes(10), Instant.now());

                ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                        new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                                "--disable-dev-shm-usage", "--window-size=1400,1000"));
                try {
                    browser.get(api.uri() + "/#token=" + token);
                    await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(
                            browser.findElement(By.id("dashboard")).getDomAttribute("data-loaded")));

                    assertThat(browser.findElement(By.id("workspace")).getText()).isEqualTo(workspace.toString());
                    assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token=");
                    Map<String, String> shown = new HashMap<>();
                    for (WebElement row : browser.findElements(By.cssSelector("#connectors tbody tr"))) {
                        shown.put(row.getDomAttribute("data-connector"), field(row, "freshness") + " " + field(row, "last_sync_status") + " "
                                + field(row, "consecutive_failures"));
                    }
                    assertThat(shown).isEqualTo(expected);
                    assertThat(browser.findElements(By.cssSelector("#timeline .lane"))).hasSize(expected.size());
                    long runsShown = browser.findElements(By.cssSelector("#timeline .run")).size();
                    assertThat(runsShown).isEqualTo(runsInLast48Hours(database, workspace));
                    long diagnosticsShown = browser.findElements(By.cssSelector("#diagnostics tbody tr")).stream()
                            .mapToLong(row -> Long.parseLong(field(row, "count"))).sum();
                    assertThat(diagnosticsShown).isEqualTo(diagnosticsInLast7Days(database, workspace));

                    Map<String, Long> rejectedByReason = rejectedByReason(database, workspace);
                    long rejected = rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
                    assertThat(rejected).as("the workload's rejections naming the page's workspace").isPositive();
                    assertThat(browser.findElement(By.id("rejected-total")).getText()).isEqualTo(Long.toString(rejected));
                    assertThat(browser.findElement(By.id("rejected-last-24h")).getText())
                            .isEqualTo(Long.toString(rejectedInLast24Hours(database, workspace)));
                    Map<String, Long> rejectedShown = new HashMap<>();
                    for (WebElement row : browser.findElements(By.cssSelector("#rejections tbody tr"))) {
                        rejectedShown.put(field(row, "reason"), Long.parseLong(field(row, "total")));
                    }
                    assertThat(rejectedShown).isEqualTo(rejectedByReason);

                    Path screenshot = Path.of("target", "dashboard.png");
                    Files.createDirectories(screenshot.getParent());
                    Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
                    assertThat(Files.size(screenshot)).isPositive();
                } finally {
                    browser.quit();
                }
            }
        }
    }

    /**
     * For each workspace of the workload, a sync.failed without error text naming it and one of its connectors: a
     * missing_error rejection, judged on the event alone, so it names that workspace whatever the order of replay.
     */
    private static List<String> failuresWithoutErrorText(List<String> generated) throws Exception {
        Map<String, String> connectorOf = new TreeMap<>();
        for (String line : generated) {
            JsonNode event = JSON.readTree(line);
            if (event.hasNonNull("workspace_id") && event.hasNonNull("workspace_connector_id") && event.hasNonNull("sync_log_id")) {
                connectorOf.putIfAbsent(event.get("workspace_id").asText(), event.get("workspace_connector_id").asText());
            }
        }
        String at = Instant.now().minus(Duration.ofHours(1)).toString();
        List<String> failures = new ArrayList<>();
        connectorOf.forEach((workspace, connector) -> {
            ObjectNode failed = JSON.createObjectNode().put("type", "sync.failed").put("event_id", UUID.randomUUID().toString())
                    .put("occurred_at", at).put("completed_at", at).put("workspace_id", workspace).put("workspace_connector_id", connector)
                    .put("sync_log_id", UUID.randomUUID().toString());
            failures.add(failed.toString());
        });
        return failures;
    }

    private static Map<String, Long> rejectedByReason(Database database, UUID workspace) {
        Map<String, Long> counts = new HashMap<>();
        database.jdbi().useHandle(h -> h.createQuery("SELECT reason, count(*) AS rejected FROM rejected_events WHERE workspace_id = :w GROUP BY reason")
                .bind("w", workspace).mapToMap().forEach(row -> counts.put((String) row.get("reason"), (Long) row.get("rejected"))));
        return counts;
    }

    private static long rejectedInLast24Hours(Database database, UUID workspace) {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM rejected_events WHERE workspace_id = :w AND rejected_at >= now() - interval '24 hours'")
                .bind("w", workspace).mapTo(Long.class).one());
    }

    private static String field(WebElement row, String field) {
        return row.findElement(By.cssSelector("td[data-field='" + field + "']")).getText().replace('\n', ' ').trim();
    }

    /** Per connector of the workspace: freshness as the page writes it, last run status, consecutive failures. */
    private static Map<String, String> expectedRows(Database database, UUID workspace) {
        List<Map<String, Object>> rows = database.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.workspace_connector_id::text AS id, s.freshness::text AS freshness, s.last_sync_status::text AS status,
                       s.consecutive_failures AS failures
                FROM connector_status s JOIN workspace_connectors c ON c.pk = s.workspace_connector_pk
                JOIN workspaces w ON w.pk = s.workspace_pk WHERE w.workspace_id = :w
                """).bind("w", workspace).mapToMap().list());
        Map<String, String> expected = new HashMap<>();
        rows.forEach(row -> expected.put((String) row.get("id"), ((String) row.get("freshness")).replace('_', ' ') + " "
                + (row.get("status") == null ? "-" : row.get("status")) + " " + row.get("failures")));
        return expected;
    }

    private static long runsInLast48Hours(Database database, UUID workspace) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM workspace_connector_sync_logs l JOIN workspaces w ON w.pk = l.workspace_pk
                WHERE w.workspace_id = :w AND l.deleted_at IS NULL AND l.created_at >= now() - interval '48 hours'
                """).bind("w", workspace).mapTo(Long.class).one());
    }

    private static long diagnosticsInLast7Days(Database database, UUID workspace) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM connector_sync_diagnostics d JOIN workspaces w ON w.pk = d.workspace_pk
                WHERE w.workspace_id = :w AND d.deleted_at IS NULL AND d.created_at >= now() - interval '7 days'
                """).bind("w", workspace).mapTo(Long.class).one());
    }
}

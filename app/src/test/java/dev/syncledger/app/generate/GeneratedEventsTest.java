package dev.syncledger.app.generate;

import static dev.syncledger.app.generate.GeneratedWorkload.only;
import static dev.syncledger.app.generate.GeneratedWorkload.time;
import static dev.syncledger.app.generate.GeneratedWorkload.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.InvalidEventLineException;
import dev.syncledger.app.events.OutgoingEvent;
import dev.syncledger.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the events say: the format of every type, and runs, diagnostics, documents and collects as a platform would see them. */
class GeneratedEventsTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    private static final int WORKSPACES = 60;
    private static final int CONNECTORS = 5;
    private static final int RUNS = 40;
    private static final Set<String> TERMINAL = Set.of("sync.succeeded", "sync.failed");
    private static final Pattern CLOUD_TASK_NAME = Pattern.compile("projects/[a-z0-9-]+/locations/[a-z0-9-]+/queues/[a-z0-9-]+/tasks/[A-Za-z0-9_-]+");

    private static GeneratedWorkload workload;
    private static Map<String, List<JsonNode>> runs;

    @BeforeAll
    static void generate() {
        workload = GeneratedWorkload.of(WorkloadSpec.of(2026, WORKSPACES, CONNECTORS, RUNS, START));
        runs = workload.runs();
    }

    @Test
    void shouldTurnEverySyncRunLineIntoTheEventTheCliPublishes() throws Exception {
        EventLineParser parser = new EventLineParser();
        for (String line : workload.lines) {
            JsonNode node = GeneratedWorkload.parse(line);
            if (type(node).startsWith("sync.")) {
                OutgoingEvent event = parser.parse(line);
                assertThat(event.topic()).isEqualTo(Topics.SYNC_RUNS.name());
                assertThat(event.key()).isEqualTo(node.get("sync_log_id").asText());
            } else {
                assertParsedOrNotYetKnown(parser, line);
            }
        }
    }

    /** The readers of the other types are being written; until they are, the parser may only say it does not know the type. */
    private static void assertParsedOrNotYetKnown(EventLineParser parser, String line) {
        try {
            parser.parse(line);
        } catch (InvalidEventLineException e) {
            assertThat(e.getMessage()).as(line).startsWith("unknown type");
        }
    }

    @Test
    void shouldGiveEveryLineTheFieldsItsTypeRequiresWellTyped() {
        assertThat(workload.events).allSatisfy(event -> assertThat(EventShapes.problems(event)).as(event.toString()).isEmpty());
    }

    @Test
    void shouldGiveEveryConnectorOfEveryWorkspaceTheRunsAsked() {
        Map<String, Set<String>> runsByConnector = new HashMap<>();
        Map<String, Set<String>> connectorsByWorkspace = new HashMap<>();
        runs.values().forEach(events -> {
            JsonNode first = events.get(0);
            runsByConnector.computeIfAbsent(first.get("workspace_connector_id").asText(), key -> new HashSet<>()).add(first.get("sync_log_id").asText());
            connectorsByWorkspace.computeIfAbsent(first.get("workspace_id").asText(), key -> new HashSet<>()).add(first.get("workspace_connector_id").asText());
        });

        assertThat(connectorsByWorkspace).hasSize(WORKSPACES).allSatisfy((workspace, connectors) -> assertThat(connectors).hasSize(CONNECTORS));
        assertThat(runsByConnector).hasSize(WORKSPACES * CONNECTORS).allSatisfy((connector, ids) -> assertThat(ids).hasSize(RUNS));
    }

    @Test
    void shouldStartEndAndDeleteEveryRunInAConsistentTimeline() {
        assertThat(runs.values()).allSatisfy(events -> {
            JsonNode started = only(events, "sync.started");
            JsonNode terminal = events.stream().filter(event -> TERMINAL.contains(type(event))).collect(onlyOne());
            Instant startedAt = time(started, "started_at");
            Instant completedAt = time(terminal, "completed_at");
            assertThat(time(started, "occurred_at")).isEqualTo(startedAt);
            assertThat(completedAt).isAfter(startedAt).isBeforeOrEqualTo(time(terminal, "occurred_at"));
            events.stream().filter(event -> type(event).equals("sync.scheduled")).forEach(scheduled ->
                    assertThat(time(scheduled, "occurred_at")).isBefore(startedAt));
            events.stream().filter(event -> type(event).equals("sync.deleted")).forEach(deleted ->
                    assertThat(time(deleted, "occurred_at")).isAfter(time(terminal, "occurred_at")));
            assertThat(events.stream().filter(event -> type(event).equals("sync.scheduled") || type(event).equals("sync.deleted")))
                    .hasSizeLessThanOrEqualTo(2);
            assertThat(events).extracting(event -> event.get("workspace_connector_id").asText()).containsOnly(started.get("workspace_connector_id").asText());
        });
    }

    @Test
    void shouldFailAboutOneRunInFive() {
        double failed = (double) workload.ofType("sync.failed").size() / runs.size();

        assertThat(failed).isCloseTo(0.20, within(0.04));
    }

    @Test
    void shouldNeverFailAtRateZeroAndAlwaysFailAtRateOne() {
        WorkloadSpec spec = WorkloadSpec.of(3, 4, 4, 6, START);

        GeneratedWorkload healthy = GeneratedWorkload.of(spec.withRates(WorkloadRates.realistic().withFailureRate(0)));
        GeneratedWorkload broken = GeneratedWorkload.of(spec.withRates(WorkloadRates.realistic().withFailureRate(1)));

        assertThat(healthy.ofType("sync.failed")).isEmpty();
        assertThat(broken.ofType("sync.succeeded")).isEmpty();
        assertThat(broken.ofType("sync.failed")).hasSize(4 * 4 * 6);
    }

    @Test
    void shouldMakeAFewConnectorsMuchWorseThanTheRest() {
        Map<String, Double> failureShare = runs.values().stream()
                .map(events -> events.stream().filter(event -> TERMINAL.contains(type(event))).collect(onlyOne()))
                .collect(Collectors.groupingBy(event -> event.get("workspace_connector_id").asText(),
                        Collectors.averagingDouble(event -> type(event).equals("sync.failed") ? 1 : 0)));

        long broken = failureShare.values().stream().filter(share -> share >= 0.5).count();
        long healthy = failureShare.values().stream().filter(share -> share <= 0.25).count();
        assertThat(broken).isBetween(3L, failureShare.size() / 10L);
        assertThat(healthy).isGreaterThan(failureShare.size() * 7L / 10);
    }

    @Test
    void shouldDrawSkewedDurationsFromSecondsToMinutes() {
        List<Long> seconds = new ArrayList<>();
        runs.values().forEach(events -> events.stream().filter(event -> type(event).equals("sync.succeeded")).forEach(succeeded ->
                seconds.add(Duration.between(time(only(events, "sync.started"), "started_at"), time(succeeded, "completed_at")).toSeconds())));
        seconds.sort(Long::compare);

        double mean = seconds.stream().mapToLong(Long::longValue).average().orElseThrow();
        long median = seconds.get(seconds.size() / 2);
        long p95 = seconds.get(seconds.size() * 95 / 100);
        assertThat(seconds.get(0)).isGreaterThanOrEqualTo(1);
        assertThat(seconds.get(seconds.size() - 1)).isLessThanOrEqualTo(25 * 60);
        assertThat(median).isBetween(30L, 60L);
        assertThat(mean).isGreaterThan(median * 1.2);
        assertThat(p95).isGreaterThan(3 * 60);
    }

    @Test
    void shouldMostlyRunFromCloudTasksNamedInFullTheRestByHandOrAfterAnOAuthConnection() {
        Map<String, Long> triggers = new HashMap<>();
        runs.values().forEach(events -> {
            JsonNode scheduled = events.stream().filter(event -> type(event).equals("sync.scheduled")).findFirst().orElse(null);
            JsonNode started = only(events, "sync.started");
            String trigger = (scheduled != null ? scheduled : started).get("trigger_type").asText();
            triggers.merge(trigger, 1L, Long::sum);
            assertThat(scheduled == null).isEqualTo(trigger.equals("manual"));
            if (trigger.equals("cloud_task")) {
                assertThat(scheduled.get("cloud_task_id").asText()).matches(CLOUD_TASK_NAME).hasSizeLessThanOrEqualTo(255);
            } else {
                assertThat(events).allSatisfy(event -> assertThat(event.has("cloud_task_id")).isFalse());
            }
        });

        assertThat((double) triggers.get("cloud_task") / runs.size()).isBetween(0.6, 0.9);
        assertThat(triggers.get("manual")).isPositive();
        assertThat(triggers.get("oauth_callback")).isGreaterThanOrEqualTo(WORKSPACES * CONNECTORS / 2L);
    }

    @Test
    void shouldDescribeEverySuccessWithRecordsPagesAndTheConnectorsSlug() {
        assertThat(workload.ofType("sync.succeeded")).allSatisfy(succeeded -> {
            JsonNode metadata = succeeded.get("metadata");
            assertThat(metadata.get("records_synced").isIntegralNumber()).isTrue();
            assertThat(metadata.get("records_synced").asLong()).isNotNegative();
            assertThat(metadata.get("pages_fetched").asLong()).isPositive();
        });
        assertThat(Set.copyOf(workload.slugByConnector().values()))
                .contains("pennylane", "qonto", "xero", "gmail", "outlook", "chrome-extension");
    }

    @Test
    void shouldFailWithTheErrorTextsRealProvidersGive() {
        List<String> errors = workload.ofType("sync.failed").stream().map(failed -> failed.get("error").asText()).toList();

        assertThat(errors).anyMatch(error -> error.startsWith("HTTP 401 from"))
                .anyMatch(error -> error.startsWith("HTTP 403 from"))
                .anyMatch(error -> error.startsWith("HTTP 429 from"))
                .anyMatch(error -> error.matches("HTTP 5\\d\\d from .*"))
                .anyMatch(error -> error.startsWith("timed out after 300s"))
                .anyMatch(error -> error.startsWith("connection reset by peer"))
                .anyMatch(error -> error.startsWith("malformed payload"));
        assertThat(errors.stream().distinct().count()).isGreaterThan(50);
    }

    @Test
    void shouldEmitAFailureDiagnosticOfTheConnectorDuringEveryFailedRun() {
        Map<String, List<JsonNode>> failureDiagnostics = workload.ofType("diagnostic.emitted").stream()
                .filter(diagnostic -> EventShapes.FAILURE_REASONS.contains(diagnostic.get("reason").asText()))
                .collect(Collectors.groupingBy(diagnostic -> diagnostic.get("workspace_connector_id").asText()));
        List<List<JsonNode>> failedRuns = runs.values().stream()
                .filter(events -> events.stream().anyMatch(event -> type(event).equals("sync.failed"))).toList();

        assertThat(failureDiagnostics.values().stream().mapToInt(List::size).sum()).isEqualTo(failedRuns.size());
        assertThat(failedRuns).allSatisfy(events -> {
            JsonNode failed = only(events, "sync.failed");
            Instant startedAt = time(only(events, "sync.started"), "started_at");
            Instant completedAt = time(failed, "completed_at");
            assertThat(failureDiagnostics.get(failed.get("workspace_connector_id").asText())).anySatisfy(diagnostic ->
                    assertThat(time(diagnostic, "occurred_at")).isBetween(startedAt, completedAt));
        });
    }

    @Test
    void shouldCoverTheWholeReasonTaxonomyAndEmitSomeInformationalDiagnostics() {
        List<JsonNode> diagnostics = workload.ofType("diagnostic.emitted");
        long informational = diagnostics.stream().filter(d -> EventShapes.INFORMATIONAL_REASONS.contains(d.get("reason").asText())).count();

        assertThat(diagnostics).extracting(d -> d.get("reason").asText()).containsAll(EventShapes.FAILURE_REASONS)
                .containsAll(EventShapes.INFORMATIONAL_REASONS);
        assertThat(diagnostics).extracting(d -> d.get("target_model").asText()).containsAll(EventShapes.TARGET_MODELS);
        assertThat((double) informational / runs.size()).isCloseTo(0.15, within(0.02));
        assertThat(diagnostics).anyMatch(d -> !d.has("tool_name")).anyMatch(d -> d.path("http_status").asInt() == 401);
    }

    @Test
    void shouldLinkDocumentsWhileSuccessfulRunsOfTheirConnectorAreUnderWayMostlyAsInput() {
        Map<String, List<Instant[]>> successWindows = new HashMap<>();
        runs.values().forEach(events -> events.stream().filter(event -> type(event).equals("sync.succeeded")).forEach(succeeded ->
                successWindows.computeIfAbsent(succeeded.get("workspace_connector_id").asText(), key -> new ArrayList<>())
                        .add(new Instant[] {time(only(events, "sync.started"), "started_at"), time(succeeded, "completed_at")})));
        List<JsonNode> links = workload.ofType("document.linked");

        assertThat(links).allSatisfy(link -> {
            Instant at = time(link, "occurred_at");
            assertThat(successWindows.get(link.get("workspace_connector_id").asText()))
                    .anyMatch(window -> !at.isBefore(window[0]) && !at.isAfter(window[1]));
        });
        double outputShare = links.stream().filter(link -> link.get("direction").asText().equals("output")).count() / (double) links.size();
        assertThat(outputShare).isCloseTo(0.2, within(0.03));
        assertThat((double) links.size() / workload.ofType("sync.succeeded").size()).isCloseTo(1.5, within(0.1));
    }

    @Test
    void shouldUnlinkAFewDocumentsAfterTheirConnectorLinkedThem() {
        Map<String, JsonNode> linkOf = workload.ofType("document.linked").stream()
                .collect(Collectors.toMap(link -> link.get("document_id").asText(), link -> link));
        List<JsonNode> unlinks = workload.ofType("document.unlinked");

        assertThat(unlinks).allSatisfy(unlink -> {
            JsonNode link = linkOf.get(unlink.get("document_id").asText());
            assertThat(link).isNotNull();
            assertThat(unlink.get("direction")).isEqualTo(link.get("direction"));
            assertThat(unlink.get("workspace_connector_id")).isEqualTo(link.get("workspace_connector_id"));
            assertThat(time(unlink, "occurred_at")).isAfter(time(link, "occurred_at"));
        });
        assertThat((double) unlinks.size() / linkOf.size()).isCloseTo(0.05, within(0.015));
    }

    @Test
    void shouldTakeEveryCollectFromTodoThroughInProgressToOneEnd() {
        Map<String, List<JsonNode>> collects = workload.collects();

        assertThat(collects).isNotEmpty();
        assertThat(collects.values()).allSatisfy(events -> {
            List<JsonNode> changes = events.stream().filter(event -> type(event).equals("collect.status_changed"))
                    .sorted((a, b) -> time(a, "occurred_at").compareTo(time(b, "occurred_at"))).toList();
            assertThat(changes).extracting(change -> change.get("status").asText())
                    .hasSize(3).startsWith("todo", "in_progress").last().isIn("finalized", "error");
            JsonNode inProgress = changes.get(1);
            JsonNode end = changes.get(2);
            assertThat(time(inProgress, "started_at")).isEqualTo(time(inProgress, "occurred_at")).isAfter(time(changes.get(0), "occurred_at"));
            assertThat(end.get("started_at")).isEqualTo(inProgress.get("started_at"));
            assertThat(time(end, "ended_at")).isAfter(time(end, "started_at")).isBeforeOrEqualTo(time(end, "occurred_at"));
            assertThat(end.has("error")).isEqualTo(end.get("status").asText().equals("error"));
            assertThat(events).extracting(event -> event.path("people_id").asText(null)).filteredOn(id -> id != null).hasSize(3).containsOnly(changes.get(0).get("people_id").asText());
            assertThat(events).extracting(event -> event.path("workspace_connector_id").asText(null)).containsOnly(changes.get(0).path("workspace_connector_id").asText(null));
        });
    }

    @Test
    void shouldRecordCollectsThroughBrowserExtensionsSomeWithoutConnectorAndDeleteAFew() {
        Map<String, String> slugs = workload.slugByConnector();
        Collection<List<JsonNode>> collects = workload.collects().values();
        long withoutConnector = collects.stream().filter(events -> !events.get(0).has("workspace_connector_id")).count();
        long failed = collects.stream().filter(events -> events.stream().anyMatch(event -> event.path("status").asText().equals("error"))).count();
        long deleted = collects.stream().filter(events -> events.stream().anyMatch(event -> type(event).equals("collect.deleted"))).count();

        assertThat(collects).filteredOn(events -> events.get(0).has("workspace_connector_id"))
                .allSatisfy(events -> assertThat(slugs.get(events.get(0).get("workspace_connector_id").asText())).isEqualTo("chrome-extension"));
        assertThat((double) withoutConnector / collects.size()).isCloseTo(0.10, within(0.04));
        assertThat((double) failed / collects.size()).isCloseTo(0.15, within(0.04));
        assertThat(deleted).isPositive().isLessThan(collects.size() / 10);
    }

    @Test
    void shouldSoftDeleteAFewRunsAfterTheyEnd() {
        double deleted = (double) workload.ofType("sync.deleted").size() / runs.size();

        assertThat(deleted).isCloseTo(0.01, within(0.005));
    }

    private static java.util.stream.Collector<JsonNode, ?, JsonNode> onlyOne() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }
}

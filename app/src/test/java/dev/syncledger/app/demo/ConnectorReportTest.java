package dev.syncledger.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectorReportTest {

    private static final OffsetDateTime ERROR_AT = OffsetDateTime.of(2026, 11, 23, 17, 17, 0, 0, ZoneOffset.UTC);

    @Test
    void shouldCountAndListEveryFailingConnectorWhenTheQueryReturnedFewerThanItsLimit() {
        String printed = print(failing(13));

        assertThat(printed).contains("(13 failing now, worst first):");
        assertThat(printed.lines().filter(line -> line.contains(" in a row "))).hasSize(13);
    }

    @Test
    void shouldNotClaimACountWhenTheQueryMayHaveCutTheList() {
        String printed = print(failing(20));

        assertThat(printed).contains("(the 20 worst of those failing now):").doesNotContain("20 failing now");
        assertThat(printed.lines().filter(line -> line.contains(" in a row "))).hasSize(20);
    }

    @Test
    void shouldSaySoWhenNothingIsFailing() {
        assertThat(print(List.of())).contains("worst connectors: none is failing now");
    }

    @Test
    void shouldShortenALongErrorToOneLine() {
        String error = "could not save records:\n\t" + "x".repeat(200);
        String printed = print(List.of(new WorstConnector(UUID.randomUUID(), 2, 3, 4, ERROR_AT, error, null)));

        assertThat(printed).contains("could not save records: xxx").contains("…").doesNotContain("x".repeat(61));
    }

    private static List<WorstConnector> failing(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new WorstConnector(UUID.randomUUID(), count - i, 5, 10, ERROR_AT, "HTTP 503", null))
                .toList();
    }

    private static String print(List<WorstConnector> worst) {
        StringWriter out = new StringWriter();
        new ConnectorReport(4_667, Duration.ofMillis(1_100), Duration.ofMillis(4_600), worst, Map.of("workspaces", 10L))
                .print(new PrintWriter(out));
        return out.toString();
    }
}

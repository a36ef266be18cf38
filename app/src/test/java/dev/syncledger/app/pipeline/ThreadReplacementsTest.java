package dev.syncledger.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThreadReplacementsTest {

    private static final Instant T0 = Instant.parse("2026-06-02T08:00:00Z");

    @Test
    void shouldDoubleThePauseAndStopOnceTheBudgetIsSpent() {
        ThreadReplacements replacements = new ThreadReplacements(new ThreadReplacements.Budget(3, Duration.ofMinutes(10), Duration.ofSeconds(1)));

        assertThat(replacements.next(T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(replacements.next(T0.plusSeconds(5))).isEqualTo(Duration.ofSeconds(2));
        assertThat(replacements.next(T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(4));
        assertThat(replacements.next(T0.plusSeconds(20))).as("a fourth within ten minutes").isNull();
        assertThat(replacements.count()).isEqualTo(3);
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        ThreadReplacements replacements = new ThreadReplacements(new ThreadReplacements.Budget(2, Duration.ofMinutes(10), Duration.ofSeconds(1)));
        replacements.next(T0);
        replacements.next(T0.plusSeconds(60));

        assertThat(replacements.next(T0.plus(Duration.ofMinutes(11)))).as("the first one has left the window").isEqualTo(Duration.ofSeconds(2));
        assertThat(replacements.count()).isEqualTo(3);
    }

    @Test
    void shouldNeverReplaceWithAnEmptyBudget() {
        assertThat(new ThreadReplacements(new ThreadReplacements.Budget(0, Duration.ofMinutes(10), Duration.ZERO)).next(T0)).isNull();
    }

    @Test
    void shouldGiveEachStreamThreadItsShareOfTheBudget() {
        ThreadReplacements replacements = new ThreadReplacements(ThreadReplacements.DEFAULT.forThreads(2));
        for (int i = 0; i < 6; i++) {
            assertThat(replacements.next(T0.plusSeconds(i))).as("replacement %d: both threads fail when the broker is away", i + 1)
                    .isNotNull();
        }

        assertThat(replacements.next(T0.plusSeconds(6))).as("a seventh within ten minutes").isNull();
    }
}

package dev.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final StringWriter screen = new StringWriter();

    @Test
    void shouldShowShareCountAndRateAgainstAKnownTotal() {
        ProgressBar bar = new ProgressBar(new PrintWriter(screen), "publishing", 40, clock::get);
        for (int i = 0; i < 10; i++) {
            bar.lineDone();
        }
        clock.addAndGet(TimeUnit.SECONDS.toNanos(2));

        assertThat(bar.render(clock.get())).isEqualTo("publishing [######------------------]  25%  10/40 lines  5 lines/s");
    }

    @Test
    void shouldShowCountAndRateWhenTheTotalIsUnknown() {
        ProgressBar bar = new ProgressBar(new PrintWriter(screen), "publishing", -1, clock::get);
        for (int i = 0; i < 3_000; i++) {
            bar.lineDone();
        }
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));

        assertThat(bar.render(clock.get())).isEqualTo("publishing 3,000 lines  3,000 lines/s");
    }

    @Test
    void shouldRedrawInPlaceAtMostEveryTenthOfASecondAndEndTheLineWhenFinished() {
        ProgressBar bar = new ProgressBar(new PrintWriter(screen), "publishing", 5, clock::get);
        bar.lineDone();
        bar.lineDone();
        clock.addAndGet(ProgressBar.REDRAW_NANOS);
        bar.lineDone();
        bar.finished();

        String drawn = screen.toString();
        assertThat(drawn.chars().filter(c -> c == '\r')).hasSize(3);
        assertThat(drawn).endsWith("[##############----------]  60%  3/5 lines  30 lines/s" + System.lineSeparator());
    }
}

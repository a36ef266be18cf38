package dev.syncledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.events.OutgoingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkloadLookaheadTest {

    private static List<OutgoingEvent> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> new OutgoingEvent("sync.started", "topic", Integer.toString(i), null)).toList();
    }

    private static List<String> keys(List<OutgoingEvent> events) {
        return events.stream().map(OutgoingEvent::key).toList();
    }

    @Test
    void theEventsTakenAfterTheWarmUpContinueItsSequenceWithoutAGap() {
        List<OutgoingEvent> workload = events(10_000);
        List<OutgoingEvent> warmUp = new ArrayList<>();
        try (WorkloadLookahead lookahead = new WorkloadLookahead(workload.iterator(), 1_000)) {
            for (int i = 0; i < 2_500; i++) {
                warmUp.add(lookahead.next());
            }
            List<OutgoingEvent> window = lookahead.stopAndTake(1_000);

            assertThat(keys(warmUp)).isEqualTo(keys(workload.subList(0, 2_500)));
            assertThat(keys(window)).isEqualTo(keys(workload.subList(2_500, 3_500)));
        }
    }

    @Test
    void aWindowLargerThanTheLookaheadIsToppedUpFromTheWorkload() {
        List<OutgoingEvent> workload = events(5_000);
        try (WorkloadLookahead lookahead = new WorkloadLookahead(workload.iterator(), 100)) {
            lookahead.next();
            assertThat(keys(lookahead.stopAndTake(1_000))).isEqualTo(keys(workload.subList(1, 1_001)));
        }
    }

    @Test
    void aShortWorkloadEndsTheWarmUpAndGivesTheWindowWhatIsLeft() {
        List<OutgoingEvent> workload = events(30);
        try (WorkloadLookahead lookahead = new WorkloadLookahead(workload.iterator(), 1_000)) {
            List<OutgoingEvent> taken = new ArrayList<>();
            for (int i = 0; i < 20 && lookahead.hasNext(); i++) {
                taken.add(lookahead.next());
            }
            assertThat(taken).hasSize(20);
            assertThat(keys(lookahead.stopAndTake(100))).isEqualTo(keys(workload.subList(20, 30)));
            assertThat(lookahead.hasNext()).isFalse();
        }
    }
}

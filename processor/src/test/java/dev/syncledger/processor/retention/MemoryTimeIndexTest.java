package dev.syncledger.processor.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryTimeIndexTest {

    private static final Instant T = Instant.parse("2026-06-03T00:00:00Z");

    /** What the index derives from, as a store would hold it: key to time. */
    private final Map<String, Instant> stored = new LinkedHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final MemoryTimeIndex index = new MemoryTimeIndex(loading -> {
        loads.incrementAndGet();
        stored.forEach((key, at) -> loading.add(at, key));
    });

    @Test
    void isLoadedOnceFromWhatItDerivesFromTheFirstTimeItIsUsed() {
        stored.put("late", T.plusSeconds(5));
        stored.put("early", T.plusSeconds(1));
        assertThat(loads).as("not before it is used").hasValue(0);

        assertThat(index.due(T.plusSeconds(10), 10)).extracting(TimeOrderedIndex.Entry::key).containsExactly("early", "late");
        stored.put("after loading", T);
        assertThat(index.size()).isEqualTo(2);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFirstWriteLoadsBeforeItMovesAnything() {
        stored.put("a", T.plusSeconds(1));
        index.reschedule("a", T.plusSeconds(1), T.plusSeconds(30));
        assertThat(index.due(T.plusSeconds(60), 10)).containsExactly(new TimeOrderedIndex.Entry(T.plusSeconds(30), "a"));
    }

    @Test
    void dueIsEarliestFirstStrictlyBeforeTheCutoffAndBoundedByTheLimit() {
        index.reschedule("c", null, T.plusSeconds(3));
        index.reschedule("a", null, T.plusSeconds(1));
        index.add(T.plusSeconds(2), "b");

        assertThat(index.due(T.plusSeconds(3), 10)).extracting(TimeOrderedIndex.Entry::key).containsExactly("a", "b");
        assertThat(index.due(T.plusSeconds(4), 2)).extracting(TimeOrderedIndex.Entry::key).containsExactly("a", "b");
        assertThat(index.due(T.plusSeconds(4), 10)).as("due entries stay until removed").hasSize(3);
    }

    @Test
    void removeDropsOnlyTheEntryNamedAndRescheduleToNullUnindexes() {
        index.add(T.plusSeconds(2), "b");
        index.add(T.plusSeconds(30), "a");
        index.remove(T.plusSeconds(1), "b");
        assertThat(index.size()).as("no entry of b at that time").isEqualTo(2);

        index.reschedule("b", T.plusSeconds(2), null);
        index.reschedule("a", T.plusSeconds(30), T.plusSeconds(30));
        assertThat(index.due(T.plusSeconds(60), 10)).containsExactly(new TimeOrderedIndex.Entry(T.plusSeconds(30), "a"));
    }

    @Test
    void keysThatShareATimeAndAHashAreStillTwoEntries() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        index.add(T, "BB");
        index.add(T, "Aa");
        index.add(T, "Aa");
        assertThat(index.due(T.plusSeconds(1), 10)).extracting(TimeOrderedIndex.Entry::key).containsExactly("Aa", "BB");

        index.remove(T, "Aa");
        assertThat(index.due(T.plusSeconds(1), 10)).extracting(TimeOrderedIndex.Entry::key).containsExactly("BB");
    }
}

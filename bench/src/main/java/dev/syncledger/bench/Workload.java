package dev.syncledger.bench;

import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.InvalidEventLineException;
import dev.syncledger.app.events.OutgoingEvent;
import dev.syncledger.app.generate.WorkloadGenerator;
import dev.syncledger.app.generate.WorkloadSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The generated workload the processor, sink and end-to-end benchmarks share: every event type, 5%
 * duplicates and 5% out of order, as {@link WorkloadGenerator} makes it. It starts a week back so that
 * every event lies well inside the diagnostics' retention and none in the future.
 */
final class Workload implements Iterable<OutgoingEvent> {

    private static final long SEED = 6;
    private static final int WORKSPACES = 100;
    private static final int CONNECTORS_PER_WORKSPACE = 20;
    private static final Duration LOOK_BACK = Duration.ofDays(7);

    private final long events;
    private final WorkloadSpec spec;

    Workload(long events) {
        this.events = events;
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(LOOK_BACK);
        // Twice the look-back: the generator stops at the event count long before it runs out of hours.
        int hours = (int) LOOK_BACK.toHours() * 2;
        this.spec = WorkloadSpec.of(SEED, WORKSPACES, CONNECTORS_PER_WORKSPACE, hours, start);
    }

    long events() {
        return events;
    }

    WorkloadSpec spec() {
        return spec;
    }

    @Override
    public Iterator<OutgoingEvent> iterator() {
        Iterator<String> lines = new WorkloadGenerator(spec).iterator();
        EventLineParser parser = new EventLineParser();
        return new Iterator<>() {
            private long given;

            @Override
            public boolean hasNext() {
                return given < events && lines.hasNext();
            }

            @Override
            public OutgoingEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                given++;
                try {
                    return parser.parse(lines.next());
                } catch (InvalidEventLineException e) {
                    throw new IllegalStateException("the generator wrote a line the parser refuses: " + e.getMessage(), e);
                }
            }
        };
    }
}

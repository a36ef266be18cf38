package dev.syncledger.app.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one feed has done so far: events published per type and the invalid lines, every one counted and
 * the first {@value #MAX_LISTED} kept with their problem, so that a file of nothing but bad lines costs bounded
 * memory and gives a summary a person can still read. Safe to call from the producer's thread, which reports
 * the events Kafka refuses after they were counted as published.
 */
final class FeedTally {

    static final int MAX_LISTED = 1_000;

    private final Map<String, Long> publishedByType = new TreeMap<>();
    private final List<InvalidLine> listed = new ArrayList<>();
    private long invalid;

    synchronized void published(String type) {
        publishedByType.merge(type, 1L, Long::sum);
    }

    synchronized void invalid(long lineNumber, String problem) {
        invalid++;
        if (listed.size() < MAX_LISTED) {
            listed.add(new InvalidLine(lineNumber, problem));
        }
    }

    /** An event counted as published that Kafka then refused: its line is invalid after all. */
    synchronized void refused(long lineNumber, String type, String problem) {
        publishedByType.computeIfPresent(type, (t, count) -> count == 1 ? null : count - 1);
        invalid(lineNumber, problem);
    }

    /** The invalid lines in line order, though a refusal arrives after lines read behind its own. */
    synchronized PublishedLines result(long linesRead) {
        return new PublishedLines(linesRead, publishedByType,
                listed.stream().sorted(Comparator.comparingLong(InvalidLine::lineNumber)).toList(), invalid);
    }
}

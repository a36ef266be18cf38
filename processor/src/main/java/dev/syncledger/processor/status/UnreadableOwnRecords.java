package dev.syncledger.processor.status;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Skips a record of the processor's own making that cannot be read. It is not user input, so there is
 * nobody to reject it to: the first one per topic is a WARN for whoever runs the processor, further
 * ones are DEBUG so that a bad deployment does not flood the log.
 */
final class UnreadableOwnRecords {

    private final Logger log;
    private final Set<String> warnedTopics = new HashSet<>();

    UnreadableOwnRecords(Logger log) {
        this.log = log;
    }

    void skip(String topic, int partition, long offset, String why) {
        if (warnedTopics.add(topic)) {
            log.warn("skipping an unreadable record at {}-{}@{}: {} (further ones on this topic are logged at DEBUG)",
                    topic, partition, offset, why);
        } else {
            log.debug("skipping an unreadable record at {}-{}@{}: {}", topic, partition, offset, why);
        }
    }
}

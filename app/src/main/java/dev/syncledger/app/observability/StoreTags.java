package dev.syncledger.app.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka Streams names a store's tag after the kind of store ({@code rocksdb-state-id}, {@code in-memory-state-id},
 * {@code rocksdb-window-state-id}), so one store metric arrives under as many sets of tag keys as there are kinds.
 * Prometheus wants one set per name: the registry kept the first kind it saw and dropped the others' meters (the
 * processor's RocksDB stores, behind its in-memory commit hooks), with one warning at start. Every kind now becomes
 * the same two tags: {@code state_id} (the store) and {@code store_type} ({@code rocksdb}, {@code in-memory}, ...).
 */
final class StoreTags implements MeterFilter {

    private static final String SUFFIX = ".state.id";

    @Override
    public Meter.Id map(Meter.Id id) {
        for (Tag tag : id.getTagsAsIterable()) {
            String key = tag.getKey().replace('-', '.');
            if (key.endsWith(SUFFIX) && key.length() > SUFFIX.length()) {
                List<Tag> tags = new ArrayList<>();
                for (Tag other : id.getTagsAsIterable()) {
                    if (other != tag) {
                        tags.add(other);
                    }
                }
                tags.add(Tag.of("state.id", tag.getValue()));
                tags.add(Tag.of("store.type", key.substring(0, key.length() - SUFFIX.length()).replace('.', '-')));
                return id.replaceTags(tags);
            }
        }
        return id;
    }
}

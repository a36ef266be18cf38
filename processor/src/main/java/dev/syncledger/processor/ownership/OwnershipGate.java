package dev.syncledger.processor.ownership;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ledger task's side of "a connector stays in its workspace". A connector belongs to the workspace its
 * connector task stamped on the first claim it read; this task learns each owner once and remembers it. An
 * event naming a connector whose owner it knows passes or is a mismatch at once; one naming a connector it does
 * not know yet is parked, and the first parked for a connector sends the claim. When the answer comes back, the
 * parked events are handed back in the order they came.
 *
 * <p>What it keeps: the owner of each connector its partition has seen (bounded by the platform's connectors),
 * and the events parked until their connector's answer, which takes two hops of the commit interval.
 */
public final class OwnershipGate {

    private final KeyValueStore<Bytes, byte[]> owners;
    private final KeyValueStore<Bytes, ParkedEvent> parked;
    /** The owners read so far, so that the common case costs a map lookup; as bounded as the store. */
    private final Map<UUID, UUID> known = new HashMap<>();
    /** Connectors with parked events: their claim is on its way. */
    private final Map<UUID, Integer> awaiting = new HashMap<>();
    private long nextSequence;

    public OwnershipGate(KeyValueStore<Bytes, byte[]> owners, KeyValueStore<Bytes, ParkedEvent> parked) {
        this.owners = owners;
        this.parked = parked;
        try (KeyValueIterator<Bytes, ParkedEvent> all = parked.all()) {
            while (all.hasNext()) {
                Bytes key = all.next().key;
                awaiting.merge(connectorOf(key), 1, Integer::sum);
                nextSequence = Math.max(nextSequence, sequenceOf(key) + 1);
            }
        }
    }

    /** Whose the connector is, as far as this task knows. */
    public Optional<UUID> ownerOf(UUID connector) {
        UUID owner = known.get(connector);
        if (owner == null && !awaiting.containsKey(connector)) {
            byte[] stored = owners.get(connectorKey(connector));
            if (stored != null) {
                owner = uuid(stored);
                known.put(connector, owner);
            }
        }
        return Optional.ofNullable(owner);
    }

    /**
     * Holds an event until the connector's owner is known. Returns true when it is the first held for the
     * connector, so that the caller sends the claim.
     */
    public boolean park(UUID connector, ParkedEvent event) {
        parked.put(parkedKey(connector, nextSequence++), event);
        return awaiting.merge(connector, 1, Integer::sum) == 1;
    }

    /** Learns an owner and hands back the events parked for its connector, oldest first. */
    public List<ParkedEvent> learn(OwnerAnswer answer) {
        UUID connector = answer.workspaceConnectorId();
        owners.put(connectorKey(connector), bytes(answer.workspaceId()));
        known.put(connector, answer.workspaceId());
        if (awaiting.remove(connector) == null) {
            return List.of();
        }
        List<KeyValue<Bytes, ParkedEvent>> held = new ArrayList<>();
        try (KeyValueIterator<Bytes, ParkedEvent> range = parked.prefixScan(connectorKey(connector), new BytesPrefixSerializer())) {
            range.forEachRemaining(held::add);
        }
        List<ParkedEvent> events = new ArrayList<>(held.size());
        for (KeyValue<Bytes, ParkedEvent> entry : held) {
            parked.put(entry.key, null);
            events.add(entry.value);
        }
        return events;
    }

    static Bytes connectorKey(UUID connector) {
        return Bytes.wrap(bytes(connector));
    }

    private static Bytes parkedKey(UUID connector, long sequence) {
        return Bytes.wrap(ByteBuffer.allocate(24).put(bytes(connector)).putLong(sequence).array());
    }

    private static UUID connectorOf(Bytes parkedKey) {
        return uuid(parkedKey.get());
    }

    private static long sequenceOf(Bytes parkedKey) {
        return ByteBuffer.wrap(parkedKey.get(), 16, 8).getLong();
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static UUID uuid(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** prefixScan serializes the prefix with a serializer; Bytes keys are their own bytes. */
    private static final class BytesPrefixSerializer implements org.apache.kafka.common.serialization.Serializer<Bytes> {
        @Override
        public byte[] serialize(String topic, Bytes data) {
            return data.get();
        }
    }
}

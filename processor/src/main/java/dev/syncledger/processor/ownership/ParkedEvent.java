package dev.syncledger.processor.ownership;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.BinaryWriter;
import java.time.Instant;
import java.util.Objects;

/**
 * An event held until its connector's owner is known: where it came from (with its raw value as a rejection
 * would carry it), its partition's clock when it arrived, and the event itself as its branch encoded it, bounded.
 */
public record ParkedEvent(EventOrigin origin, Instant clock, byte[] event) {

    public static final BinarySerde<ParkedEvent> SERDE = new BinarySerde<>("parked event", new BinaryFormat<>() {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(ParkedEvent parked, BinaryWriter out) {
            EventOrigin origin = parked.origin();
            RawValue value = origin.value();
            out.writeString(origin.topic()).writeVarInt(origin.partition()).writeSignedVarLong(origin.offset())
                    .writeSignedVarLong(origin.timestamp()).writeString(origin.key()).writeBoolean(value != null);
            if (value != null) {
                out.writeBytes(value.kept()).writeVarInt(value.size()).writeString(value.sha256());
            }
            out.writeInstant(parked.clock()).writeBytes(parked.event());
        }

        @Override
        public ParkedEvent read(BinaryReader in, int version) {
            String topic = in.readString();
            int partition = in.readVarInt();
            long offset = in.readSignedVarLong();
            long timestamp = in.readSignedVarLong();
            String key = in.readString();
            RawValue value = in.readBoolean() ? new RawValue(in.readBytes(), in.readVarInt(), in.readString()) : null;
            return new ParkedEvent(new EventOrigin(topic, partition, offset, timestamp, key, value), in.readInstant(), in.readBytes());
        }
    });

    public ParkedEvent {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(event, "event");
    }
}

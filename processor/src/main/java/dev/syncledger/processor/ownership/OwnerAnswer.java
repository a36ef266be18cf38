package dev.syncledger.processor.ownership;

import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.BinaryWriter;
import java.util.Objects;
import java.util.UUID;

/** A connector's task tells a ledger task whose the connector is: stamped once, by the first claim it read. */
public record OwnerAnswer(UUID workspaceConnectorId, UUID workspaceId) {

    public static final BinarySerde<OwnerAnswer> SERDE = new BinarySerde<>("connector owner", new BinaryFormat<>() {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(OwnerAnswer answer, BinaryWriter out) {
            out.writeUuid(answer.workspaceConnectorId()).writeUuid(answer.workspaceId());
        }

        @Override
        public OwnerAnswer read(BinaryReader in, int version) {
            return new OwnerAnswer(in.readUuid(), in.readUuid());
        }
    });

    public OwnerAnswer {
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(workspaceId, "workspaceId");
    }
}

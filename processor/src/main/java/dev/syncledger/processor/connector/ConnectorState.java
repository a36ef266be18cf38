package dev.syncledger.processor.connector;

import dev.syncledger.processor.status.ConnectorStatusState;
import dev.syncledger.processor.status.ConnectorStatusStateFormat;
import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.BinaryWriter;
import java.util.Objects;
import java.util.UUID;

/**
 * What a connector's task keeps per connector: the workspace it belongs to, stamped by the first claim and
 * never changed, and its status once a row contributed to it.
 */
public record ConnectorState(UUID owner, ConnectorStatusState status) {

    public static final BinarySerde<ConnectorState> SERDE = new BinarySerde<>("connector state", new BinaryFormat<>() {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(ConnectorState state, BinaryWriter out) {
            out.writeUuid(state.owner()).writeBoolean(state.status() != null);
            if (state.status() != null) {
                ConnectorStatusStateFormat.write(state.status(), out);
            }
        }

        @Override
        public ConnectorState read(BinaryReader in, int version) {
            UUID owner = in.readUuid();
            return new ConnectorState(owner, in.readBoolean() ? ConnectorStatusStateFormat.read(in) : null);
        }
    });

    public ConnectorState {
        Objects.requireNonNull(owner, "owner");
    }

    ConnectorState with(ConnectorStatusState next) {
        return new ConnectorState(owner, next);
    }
}

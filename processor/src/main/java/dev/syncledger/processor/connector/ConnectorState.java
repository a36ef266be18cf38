package dev.syncledger.processor.connector;

import dev.syncledger.processor.status.ConnectorStatusState;
import dev.syncledger.processor.status.ConnectorStatusStateFormat;
import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.BinaryWriter;
import dev.syncledger.processor.watch.ConnectorWatch;
import dev.syncledger.processor.watch.ConnectorWatchFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * What a connector's task keeps per connector: the workspace it belongs to, stamped by the first claim and
 * never changed, its status once a row contributed to it, and its watch (freshness and alerts) from then on.
 * Format 1 had no watch: a connector read from it starts with an empty one.
 */
public record ConnectorState(UUID owner, ConnectorStatusState status, ConnectorWatch watch) {

    public static final BinarySerde<ConnectorState> SERDE = new BinarySerde<>("connector state", new BinaryFormat<>() {
        @Override
        public int version() {
            return 2;
        }

        @Override
        public void write(ConnectorState state, BinaryWriter out) {
            out.writeUuid(state.owner()).writeBoolean(state.status() != null);
            if (state.status() != null) {
                ConnectorStatusStateFormat.write(state.status(), out);
                ConnectorWatchFormat.write(state.watch(), out);
            }
        }

        @Override
        public ConnectorState read(BinaryReader in, int version) {
            UUID owner = in.readUuid();
            if (!in.readBoolean()) {
                return new ConnectorState(owner, null, null);
            }
            ConnectorStatusState status = ConnectorStatusStateFormat.read(in);
            return new ConnectorState(owner, status, version >= 2 ? ConnectorWatchFormat.read(in) : ConnectorWatch.EMPTY);
        }
    });

    public ConnectorState {
        Objects.requireNonNull(owner, "owner");
        if (status != null) {
            Objects.requireNonNull(watch, "watch");
        }
    }

    ConnectorState with(ConnectorStatusState nextStatus, ConnectorWatch nextWatch) {
        return new ConnectorState(owner, nextStatus, nextWatch);
    }
}

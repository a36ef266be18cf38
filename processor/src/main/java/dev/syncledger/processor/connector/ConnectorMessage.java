package dev.syncledger.processor.connector;

import dev.syncledger.processor.ownership.ConnectorClaim;
import dev.syncledger.processor.status.ContributionChange;
import dev.syncledger.processor.status.ContributionFormat;
import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.BinaryWriter;
import dev.syncledger.processor.store.MalformedStoreValueException;
import java.util.UUID;

/**
 * What the ledgers send a connector's task through the one repartition keyed by connector: a claim that asks
 * whose the connector is, or a change of what one of its rows contributes to its status. Exactly one is set.
 */
public record ConnectorMessage(ConnectorClaim claim, ContributionChange change) {

    private static final int CLAIM = 1;
    private static final int CHANGE = 2;

    public static final BinarySerde<ConnectorMessage> SERDE = new BinarySerde<>("connector message", new BinaryFormat<>() {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(ConnectorMessage message, BinaryWriter out) {
            if (message.claim() != null) {
                ConnectorClaim claim = message.claim();
                out.writeByte(CLAIM).writeUuid(claim.workspaceConnectorId()).writeUuid(claim.workspaceId())
                        .writeVarInt(claim.claimantPartition());
            } else {
                out.writeByte(CHANGE);
                ContributionFormat.write(message.change().before(), out);
                ContributionFormat.write(message.change().after(), out);
            }
        }

        @Override
        public ConnectorMessage read(BinaryReader in, int version) {
            int kind = in.readByte();
            return switch (kind) {
                case CLAIM -> of(new ConnectorClaim(in.readUuid(), in.readUuid(), in.readVarInt()));
                case CHANGE -> of(new ContributionChange(ContributionFormat.read(in), ContributionFormat.read(in)));
                default -> throw new MalformedStoreValueException("unknown connector message kind " + kind);
            };
        }
    });

    public ConnectorMessage {
        if ((claim == null) == (change == null)) {
            throw new IllegalArgumentException("a connector message is a claim or a change");
        }
    }

    public static ConnectorMessage of(ConnectorClaim claim) {
        return new ConnectorMessage(claim, null);
    }

    public static ConnectorMessage of(ContributionChange change) {
        return new ConnectorMessage(null, change);
    }

    public UUID workspaceConnectorId() {
        return claim != null ? claim.workspaceConnectorId() : change.workspaceConnectorId();
    }
}

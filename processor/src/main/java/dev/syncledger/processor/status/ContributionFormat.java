package dev.syncledger.processor.status;

import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinaryWriter;
import dev.syncledger.processor.store.MalformedStoreValueException;
import dev.syncledger.schemas.ConnectorSyncStatus;

/** A contribution as it crosses to the connector's task: a kind byte, the connector, workspace and time, then its fields. */
public final class ContributionFormat {

    private static final int NONE = 0;
    private static final int RUN = 1;
    private static final int DIAGNOSTIC = 2;
    private static final int LINK = 3;

    private ContributionFormat() {}

    /** One contribution on its own, as an index entry keeps it. */
    public static byte[] encode(Contribution contribution) {
        BinaryWriter out = new BinaryWriter(48);
        write(contribution, out);
        return out.toByteArray();
    }

    public static Contribution decode(byte[] bytes) {
        return read(new BinaryReader(bytes, 0));
    }

    public static void write(Contribution contribution, BinaryWriter out) {
        if (contribution == null) {
            out.writeByte(NONE);
            return;
        }
        int kind = contribution instanceof RunContribution ? RUN : contribution instanceof DiagnosticContribution ? DIAGNOSTIC : LINK;
        out.writeByte(kind).writeUuid(contribution.workspaceConnectorId()).writeUuid(contribution.workspaceId())
                .writeInstant(contribution.seenAt());
        if (contribution instanceof RunContribution run) {
            out.writeUuid(run.syncLogId()).writeByte(run.status().ordinal()).writeInstant(run.createdAt())
                    .writeNullableInstant(run.completedAt()).writeString(run.error()).writeBoolean(run.deleted())
                    .writeSignedVarLong(run.recordsSynced());
        } else if (contribution instanceof DiagnosticContribution diagnostic) {
            out.writeBoolean(diagnostic.informational());
        } else {
            DocumentLinkContribution link = (DocumentLinkContribution) contribution;
            out.writeString(link.direction()).writeBoolean(link.active());
        }
    }

    public static Contribution read(BinaryReader in) {
        int kind = in.readByte();
        if (kind == NONE) {
            return null;
        }
        var connector = in.readUuid();
        var workspace = in.readUuid();
        var seenAt = in.readInstant();
        return switch (kind) {
            case RUN -> new RunContribution(connector, workspace, seenAt, in.readUuid(), status(in.readByte()), in.readInstant(),
                    in.readNullableInstant(), in.readString(), in.readBoolean(), in.readSignedVarLong());
            case DIAGNOSTIC -> new DiagnosticContribution(connector, workspace, seenAt, in.readBoolean());
            case LINK -> new DocumentLinkContribution(connector, workspace, seenAt, in.readString(), in.readBoolean());
            default -> throw new MalformedStoreValueException("unknown contribution kind " + kind);
        };
    }

    private static ConnectorSyncStatus status(int ordinal) {
        ConnectorSyncStatus[] statuses = ConnectorSyncStatus.values();
        if (ordinal >= statuses.length) {
            throw new MalformedStoreValueException("unknown sync status " + ordinal);
        }
        return statuses[ordinal];
    }
}

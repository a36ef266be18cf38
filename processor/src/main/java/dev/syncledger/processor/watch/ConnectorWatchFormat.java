package dev.syncledger.processor.watch;

import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinaryWriter;
import dev.syncledger.schemas.ConnectorFreshness;
import dev.syncledger.schemas.alert.AlertKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A connector's watch in the store. */
public final class ConnectorWatchFormat {

    private ConnectorWatchFormat() {}

    public static void write(ConnectorWatch watch, BinaryWriter out) {
        out.writeSignedVarLong(watch.learnedInterval() == null ? -1 : watch.learnedInterval().toMillis())
                .writeNullableInstant(watch.firstRunAt());
        FreshnessView view = watch.freshness();
        out.writeBoolean(view != null);
        if (view != null) {
            out.writeByte(view.freshness().ordinal()).writeSignedVarLong(view.expectedInterval().toMillis())
                    .writeNullableInstant(view.nextExpectedAt()).writeNullableInstant(view.changedAt());
        }
        out.writeNullableInstant(watch.deadline()).writeVarInt(watch.failureDiagnostics().size());
        watch.failureDiagnostics().forEach(out::writeInstant);
        out.writeVarInt(watch.open().size());
        for (AlertKind kind : AlertKind.values()) {
            OpenAlert alert = watch.open().get(kind);
            if (alert == null) {
                continue;
            }
            out.writeByte(kind.ordinal()).writeUuid(alert.alertId()).writeInstant(alert.openedAt()).writeString(alert.anchor())
                    .writeString(alert.details());
        }
    }

    public static ConnectorWatch read(BinaryReader in) {
        long learned = in.readSignedVarLong();
        Instant firstRunAt = in.readNullableInstant();
        FreshnessView view = in.readBoolean()
                ? new FreshnessView(ConnectorFreshness.values()[in.readByte()], Duration.ofMillis(in.readSignedVarLong()),
                        in.readNullableInstant(), in.readNullableInstant())
                : null;
        Instant deadline = in.readNullableInstant();
        int diagnosticCount = in.readVarInt();
        List<Instant> diagnostics = new ArrayList<>(diagnosticCount);
        for (int i = 0; i < diagnosticCount; i++) {
            diagnostics.add(in.readInstant());
        }
        int openCount = in.readVarInt();
        Map<AlertKind, OpenAlert> open = new EnumMap<>(AlertKind.class);
        for (int i = 0; i < openCount; i++) {
            AlertKind kind = AlertKind.values()[in.readByte()];
            open.put(kind, new OpenAlert(in.readUuid(), in.readInstant(), in.readString(), in.readString()));
        }
        return new ConnectorWatch(learned < 0 ? null : Duration.ofMillis(learned), firstRunAt, view, deadline, diagnostics, open);
    }
}

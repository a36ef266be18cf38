package dev.syncledger.sink.table;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.alert.ConnectorAlert;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.db.AlertColumns;
import dev.syncledger.sink.db.AlertDao;
import dev.syncledger.sink.db.AlertRow;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * connector_alerts, from the alerts topic: one row per alert, updated by its later transition. The topic is keyed
 * by connector and holds transitions, so rows are keyed by alert id and the topic has no tombstones.
 */
public final class AlertTable extends AvroStateTable<UUID, ConnectorAlert, AlertRow> {

    public AlertTable(SerdeConfig serde) {
        super(Topics.ALERTS, "connector_alerts", ConnectorAlert.getClassSchema(), serde);
    }

    @Override
    AlertRow toRow(ConnectorAlert alert) {
        return new AlertRow(alert.getAlertId(), alert.getWorkspaceId(), alert.getWorkspaceConnectorId(), alert.getKind().name(),
                alert.getState().name(), alert.getOpenedAt(), alert.getResolvedAt(), alert.getDetails());
    }

    @Override
    public String keyName() {
        return "alert transition (the alerts topic carries no tombstones)";
    }

    @Override
    public UUID parseKey(String recordKey) {
        throw new IllegalArgumentException("the alerts topic carries no tombstones");
    }

    @Override
    public UUID keyOf(AlertRow row) {
        return row.alertId();
    }

    @Override
    public void requireParents(AlertRow row, ParentRequest parents) {
        parents.connector(row.workspaceConnectorId(), row.workspaceId());
    }

    @Override
    public void write(Handle handle, List<AlertRow> rows, ParentKeys parents) {
        handle.attach(AlertDao.class).upsert(AlertColumns.of(rows, row -> parents.workspace(row.workspaceId()),
                row -> parents.connector(row.workspaceConnectorId())));
    }

    @Override
    public int delete(Handle handle, List<UUID> keys) {
        return handle.attach(AlertDao.class).delete(keys.toArray(UUID[]::new));
    }

    @Override
    public String describe(AlertRow row) {
        return row.kind() + " alert " + row.alertId() + " " + row.state();
    }
}

package dev.syncledger.processor.connector;

import dev.syncledger.processor.watch.AlertTransition;
import dev.syncledger.schemas.alert.ConnectorAlert;

/** An alert transition as the published record on the alerts topic. */
final class ConnectorAlertRecords {

    private ConnectorAlertRecords() {}

    static ConnectorAlert toAvro(AlertTransition transition) {
        return ConnectorAlert.newBuilder()
                .setAlertId(transition.alertId())
                .setTransitionId(transition.transitionId())
                .setWorkspaceId(transition.workspaceId())
                .setWorkspaceConnectorId(transition.workspaceConnectorId())
                .setKind(transition.kind())
                .setState(transition.state())
                .setOpenedAt(transition.openedAt())
                .setResolvedAt(transition.resolvedAt())
                .setDetails(transition.details())
                .build();
    }
}

package dev.syncledger.processor.watch;

import dev.syncledger.schemas.alert.AlertKind;
import dev.syncledger.schemas.alert.AlertState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert opened or resolved: what the alerts topic carries and the notifier delivers.
 *
 * @param transitionId derived from the alert id and the state, so the same transition always has the same id:
 *     the idempotency key of its webhook
 * @param details a JSON object
 */
public record AlertTransition(UUID alertId, UUID transitionId, UUID workspaceId, UUID workspaceConnectorId, AlertKind kind,
                              AlertState state, Instant openedAt, Instant resolvedAt, String details) {

    public AlertTransition {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(transitionId, "transitionId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(details, "details");
    }

    static AlertTransition opened(UUID workspace, UUID connector, AlertKind kind, OpenAlert alert) {
        return new AlertTransition(alert.alertId(), transitionId(alert.alertId(), AlertState.open), workspace, connector, kind,
                AlertState.open, alert.openedAt(), null, alert.details());
    }

    static AlertTransition resolved(UUID workspace, UUID connector, AlertKind kind, OpenAlert alert, Instant at, String details) {
        return new AlertTransition(alert.alertId(), transitionId(alert.alertId(), AlertState.resolved), workspace, connector, kind,
                AlertState.resolved, alert.openedAt(), at, details);
    }

    /** The same connector, kind and anchor give the same id, so a replay of the same events opens the same alert. */
    static UUID alertId(UUID connector, AlertKind kind, String anchor) {
        return UUID.nameUUIDFromBytes((connector + "/" + kind + "/" + anchor).getBytes(StandardCharsets.UTF_8));
    }

    static UUID transitionId(UUID alertId, AlertState state) {
        return UUID.nameUUIDFromBytes((alertId + "/" + state).getBytes(StandardCharsets.UTF_8));
    }
}

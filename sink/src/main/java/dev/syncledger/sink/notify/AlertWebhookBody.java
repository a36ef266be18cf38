package dev.syncledger.sink.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncledger.schemas.alert.AlertState;
import dev.syncledger.schemas.alert.ConnectorAlert;

/**
 * The JSON a webhook posts for one alert transition. Everything in it comes from the transition, so the same
 * transition always gives the same body:
 * <pre>{@code
 * {"id": "<transition id>", "type": "alert.opened" | "alert.resolved", "occurred_at": "<opened_at or resolved_at>",
 *  "alert": {"id", "kind", "state", "workspace_id", "workspace_connector_id", "opened_at", "resolved_at", "details": {...}}}
 * }</pre>
 */
public final class AlertWebhookBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertWebhookBody() {}

    public static String of(ConnectorAlert alert) {
        boolean resolved = alert.getState() == AlertState.resolved;
        ObjectNode body = JSON.createObjectNode();
        body.put("id", alert.getTransitionId().toString());
        body.put("type", resolved ? "alert.resolved" : "alert.opened");
        body.put("occurred_at", (resolved && alert.getResolvedAt() != null ? alert.getResolvedAt() : alert.getOpenedAt()).toString());
        ObjectNode data = body.putObject("alert");
        data.put("id", alert.getAlertId().toString());
        data.put("kind", alert.getKind().name());
        data.put("state", alert.getState().name());
        data.put("workspace_id", alert.getWorkspaceId().toString());
        data.put("workspace_connector_id", alert.getWorkspaceConnectorId().toString());
        data.put("opened_at", alert.getOpenedAt().toString());
        data.put("resolved_at", alert.getResolvedAt() == null ? null : alert.getResolvedAt().toString());
        data.set("details", details(alert.getDetails()));
        return body.toString();
    }

    private static JsonNode details(String details) {
        try {
            JsonNode parsed = JSON.readTree(details);
            return parsed != null && parsed.isObject() ? parsed : JSON.createObjectNode().put("text", details);
        } catch (Exception e) {
            // The processor writes details as an object; anything else still reaches the receiver, as text.
            return JSON.createObjectNode().put("text", details);
        }
    }
}

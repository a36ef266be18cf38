package dev.syncledger.processor.watch;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert that is open on a connector.
 *
 * @param anchor what the alert is about, from which its id was derived: the latest success when it opened (its
 *     sync log id, or "none"), or the start of the burst; a success other than this anchor resolves it
 * @param details the JSON object it opened with
 */
public record OpenAlert(UUID alertId, Instant openedAt, String anchor, String details) {

    public OpenAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(details, "details");
    }
}

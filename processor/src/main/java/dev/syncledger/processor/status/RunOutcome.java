package dev.syncledger.processor.status;

import dev.syncledger.schemas.ConnectorSyncStatus;
import java.util.Optional;

/** How a finished run ended: the two statuses last_success_at, last_error_at and consecutive_failures look at. */
public enum RunOutcome {
    SUCCESS,
    ERROR;

    static Optional<RunOutcome> of(ConnectorSyncStatus status) {
        return switch (status) {
            case success -> Optional.of(SUCCESS);
            case error -> Optional.of(ERROR);
            case scheduled, in_progress -> Optional.empty();
        };
    }
}

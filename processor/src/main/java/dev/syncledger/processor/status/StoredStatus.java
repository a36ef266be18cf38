package dev.syncledger.processor.status;

import java.util.Objects;

/** The last status row a connector emitted, with its revision. */
record StoredStatus(ConnectorStatusRow row, long revision) {

    StoredStatus {
        Objects.requireNonNull(row, "row");
    }
}

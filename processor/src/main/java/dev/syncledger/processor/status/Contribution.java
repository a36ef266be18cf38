package dev.syncledger.processor.status;

import java.time.Instant;
import java.util.UUID;

/**
 * What one row of a state topic adds to its connector's status, reduced to the fields the status
 * needs: two rows that differ only elsewhere contribute the same, so a change there costs nothing downstream.
 */
public sealed interface Contribution permits RunContribution, DiagnosticContribution, DocumentLinkContribution {

    UUID workspaceConnectorId();

    UUID workspaceId();

    /** The row's updated_at (a diagnostic's occurred_at): the status's updated_at is the greatest one seen. */
    Instant seenAt();
}

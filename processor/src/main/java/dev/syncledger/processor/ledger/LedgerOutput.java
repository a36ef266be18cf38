package dev.syncledger.processor.ledger;

import dev.syncledger.processor.output.Emission.Destination;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.status.ContributionChange;

/** Where a branch sends what it decides; the ledger processor forwards each to its sink. */
public interface LedgerOutput {

    /** To the rejected-events topic, at once. */
    void reject(Rejection rejection);

    /** A state row (a null value is a tombstone), from a commit flush. */
    void row(Destination destination, String key, byte[] value);

    /** A change of what a row contributes to its connector's status, from a commit flush. */
    void change(ContributionChange change);
}

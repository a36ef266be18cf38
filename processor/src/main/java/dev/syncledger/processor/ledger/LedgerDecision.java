package dev.syncledger.processor.ledger;

import dev.syncledger.processor.rejection.Rejection;
import java.util.List;

/**
 * What a fold decided for one event of a held ledger: the ledger after it, whether that differs from the one
 * stored, and the rejections it earned. Each entity's fold returns its own record of this shape.
 *
 * @param <L> the entity's ledger
 */
public interface LedgerDecision<L> {

    L ledger();

    boolean ledgerChanged();

    List<Rejection> rejections();
}

package dev.syncledger.processor.ledger;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.retention.TimeOrderedIndex;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.processor.store.WriteBehindStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * One entity's ledgers as the horizon bounds them: a store of ledgers by key, written behind once per commit,
 * and an in-memory index of when each expires ({@link ExpiryIndex}), kept in step with every write and loaded from
 * the store on first use; forgetting takes the expired ones from the index, a batch at a time. Runs, collects and
 * document links share it; only what forgetting a ledger publishes differs.
 *
 * @param <L> the entity's ledger
 */
public final class HeldLedgers<L extends LedgerRules.Held> {

    private final WriteBehindStore<String, L> ledgers;
    private final ExpiryIndex expiries;
    private final LedgerRules rules;

    private HeldLedgers(WriteBehindStore<String, L> ledgers, ExpiryIndex expiries, LedgerRules rules) {
        this.ledgers = ledgers;
        this.expiries = expiries;
        this.rules = rules;
    }

    /** The store of an entity named {@code name}: its ledgers, without the record cache (their expiries are in memory). */
    public static <L> Set<StoreBuilder<?>> stores(String name, BinarySerde<L> serde) {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde).withCachingDisabled());
    }

    /**
     * Opens the entity's stores; {@code publish} is called once per changed ledger as the task commits, with the
     * ledger as of the previous commit and now.
     */
    public static <L extends LedgerRules.Held> HeldLedgers<L> open(ProcessorContext<?, ?> context, CommitHook hook, String name,
                                                                   LedgerRules rules, ToIntFunction<L> weigher,
                                                                   WriteBehindStore.Listener<String, L> publish) {
        KeyValueStore<String, L> store = context.getStateStore(name);
        return new HeldLedgers<>(WriteBehindStore.over(store, weigher, WriteBehindStore.Bounds.DEFAULT, hook, publish),
                new ExpiryIndex(store::all, rules), rules);
    }

    public L get(String key) {
        return ledgers.get(key);
    }

    /**
     * Folds one event into the ledger held under {@code key}: {@code fold} gets the stored ledger (null when there is
     * none), a changed ledger is stored, and the rejections it earned go to {@code output}.
     */
    public void fold(String key, Function<L, ? extends LedgerDecision<L>> fold, LedgerOutput output) {
        L stored = get(key);
        LedgerDecision<L> decision = fold.apply(stored);
        if (decision.ledgerChanged()) {
            put(key, stored, decision.ledger());
        }
        decision.rejections().forEach(output::reject);
    }

    /** Stores the ledger that replaces {@code before} (null when there was none) and moves its expiry. */
    public void put(String key, L before, L after) {
        ledgers.put(key, after);
        expiries.track(key, before, after);
    }

    /**
     * Forgets up to {@code limit} ledgers the horizon expired at {@code clock}, publishing what each one's
     * forgetting rejects; returns how many it forgot.
     */
    public int forgetExpired(Instant clock, int limit, Function<L, List<Rejection>> rejectedByForgetting, LedgerOutput output) {
        int forgotten = 0;
        for (TimeOrderedIndex.Entry due : expiries.due(clock, limit)) {
            expiries.remove(due);
            L ledger = get(due.key());
            if (ledger == null || !expiries.isCurrent(due, ledger)) {
                continue;
            }
            if (!rules.isExpired(ledger, clock)) {
                expiries.recheckLater(due.key(), ledger);
                continue;
            }
            rejectedByForgetting.apply(ledger).forEach(output::reject);
            ledgers.put(due.key(), null);
            forgotten++;
        }
        return forgotten;
    }
}

package dev.syncledger.processor.identity;

import java.util.Comparator;
import java.util.UUID;

/**
 * "The lower id" as a person and PostgreSQL read it: the canonical text order, which is the
 * unsigned order of the bits. {@link UUID#compareTo} compares signed halves and would rank
 * ffffffff-… below 00000000-….
 */
public final class UuidOrder {

    public static final Comparator<UUID> LOWER_FIRST = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private UuidOrder() {}

    public static boolean isLower(UUID candidate, UUID than) {
        return LOWER_FIRST.compare(candidate, than) < 0;
    }
}

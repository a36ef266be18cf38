package dev.syncledger.processor.diagnostic;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Well entity a connector was syncing: the 12 values of the native enum target_model_enum, named as in the database. */
public enum TargetModel {
    COMPANY,
    PEOPLE,
    INVOICE,
    TRANSACTION,
    ACCOUNT,
    LEDGER_ACCOUNT,
    JOURNAL,
    JOURNAL_ENTRY,
    EMAIL,
    PAYMENT_MEANS,
    INVOICE_TRANSACTION,
    DOCUMENT;

    // Looked up for every event that carries one: computed once, not per call.
    private static final Map<String, TargetModel> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TargetModel::code, value -> value));

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The value as the database enum and the events spell it. */
    public String code() {
        return code;
    }

    /** Empty for a value this version does not know, e.g. one a newer producer added. */
    public static Optional<TargetModel> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}

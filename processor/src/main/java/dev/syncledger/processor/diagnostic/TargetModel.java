package dev.syncledger.processor.diagnostic;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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

    /** The value as the database enum and the events spell it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Empty for a value this version does not know, e.g. one a newer producer added. */
    public static Optional<TargetModel> fromCode(String code) {
        return Arrays.stream(values()).filter(value -> value.code().equals(code)).findFirst();
    }
}

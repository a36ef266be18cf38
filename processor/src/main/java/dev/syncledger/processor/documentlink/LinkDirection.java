package dev.syncledger.processor.documentlink;

import java.util.Optional;

/** Which way a document went through the connector: direction_enum, named as in the events and the database. */
public enum LinkDirection {
    INPUT("input"),
    OUTPUT("output");

    private final String code;

    LinkDirection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Exact match only: "Input" or " input" is a producer bug the processor reports, not a value it guesses. */
    public static Optional<LinkDirection> fromCode(String code) {
        for (LinkDirection direction : values()) {
            if (direction.code.equals(code)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}

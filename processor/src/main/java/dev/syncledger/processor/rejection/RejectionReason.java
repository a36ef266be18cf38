package dev.syncledger.processor.rejection;

/**
 * Why an input event was refused. The codes are part of the contract: connector teams and dashboards match on
 * them. Stores keep a reason by its position here, so a new reason is only ever added at the end.
 */
public enum RejectionReason {
    MALFORMED("malformed"),
    UNKNOWN_ENUM_VALUE("unknown_enum_value"),
    FIELD_TOO_LONG("field_too_long"),
    MISSING_ERROR("missing_error"),
    NEGATIVE_DURATION("negative_duration"),
    DURATION_OUT_OF_RANGE("duration_out_of_range"),
    WORKSPACE_MISMATCH("workspace_mismatch"),
    CONFLICTING_TERMINAL_EVENT("conflicting_terminal_event"),
    INVALID_HTTP_STATUS("invalid_http_status"),
    MISSING_DETAIL("missing_detail"),
    CONFLICTING_DIAGNOSTIC("conflicting_diagnostic"),
    ARRIVED_AFTER_HORIZON("arrived_after_horizon"),
    TOO_MANY_EVENTS("too_many_events"),
    PROCESSING_FAILED("processing_failed");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The reason stored at {@code position} by {@link #ordinal()}. */
    public static RejectionReason at(int position) {
        RejectionReason[] reasons = values();
        if (position < 0 || position >= reasons.length) {
            throw new IllegalArgumentException("no rejection reason at position " + position);
        }
        return reasons[position];
    }

    public static RejectionReason fromCode(String code) {
        for (RejectionReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown rejection reason " + code);
    }
}

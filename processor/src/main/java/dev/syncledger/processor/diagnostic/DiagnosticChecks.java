package dev.syncledger.processor.diagnostic;

import static dev.syncledger.processor.rejection.RejectionReason.FIELD_TOO_LONG;
import static dev.syncledger.processor.rejection.RejectionReason.INVALID_HTTP_STATUS;
import static dev.syncledger.processor.rejection.RejectionReason.MISSING_DETAIL;
import static dev.syncledger.processor.rejection.RejectionReason.UNKNOWN_ENUM_VALUE;

import dev.syncledger.processor.limits.FieldLimits;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.FieldChecks;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.schemas.text.OneLine;
import java.util.Optional;

/** The rules that judge a diagnostic on its own, whatever else the diagnostic_id has seen. */
public final class DiagnosticChecks {

    static final int LOWEST_HTTP_STATUS = 100;
    static final int HIGHEST_HTTP_STATUS = 599;

    private DiagnosticChecks() {}

    public static Optional<Rejection> judgeAlone(DiagnosticEmitted event, EventOrigin origin) {
        if (TargetModel.fromCode(event.targetModel()).isEmpty()) {
            return reject(event, origin, UNKNOWN_ENUM_VALUE, unknown("target_model", event.targetModel(), "target_model_enum"));
        }
        if (SyncFailureReason.fromCode(event.reason()).isEmpty()) {
            return reject(event, origin, UNKNOWN_ENUM_VALUE, unknown("reason", event.reason(), "sync_failure_reason_enum"));
        }
        Integer status = event.httpStatus();
        if (status != null && (status < LOWEST_HTTP_STATUS || status > HIGHEST_HTTP_STATUS)) {
            return reject(event, origin, INVALID_HTTP_STATUS,
                    "http_status " + status + " is not an HTTP status code (" + LOWEST_HTTP_STATUS + " to " + HIGHEST_HTTP_STATUS + ")");
        }
        String toolNameTooLong = FieldChecks.tooLong("tool_name", event.toolName(), FieldLimits.TOOL_NAME_MAX_CHARS);
        if (toolNameTooLong != null) {
            return reject(event, origin, FIELD_TOO_LONG, toolNameTooLong);
        }
        if (event.detail() == null || event.detail().isBlank()) {
            return reject(event, origin, MISSING_DETAIL, "diagnostic.emitted needs a non-empty detail text");
        }
        return Optional.empty();
    }

    private static String unknown(String field, String value, String enumName) {
        return field + " " + OneLine.quote(value, 80) + " is not a " + enumName + " value this version knows;"
                + " the event is kept here so it can be replayed after an upgrade";
    }

    private static Optional<Rejection> reject(DiagnosticEmitted event, EventOrigin origin,
                                              RejectionReason reason, String message) {
        return Optional.of(new Rejection(reason, message, event.eventId(), origin));
    }
}

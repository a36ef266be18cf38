package dev.syncledger.processor.status;

import java.util.Set;

/** Which diagnostic reasons tell about a run rather than a failure; every other reason is a failure. */
public final class DiagnosticReasons {

    static final Set<String> INFORMATIONAL = Set.of(
            "jury_run",
            "jury_disagreement",
            "schema_drift_detected",
            "target_skipped",
            "structured_pipeline_degraded",
            "structured_pipeline_fell_back_to_legacy",
            "tool_selection_pinned");

    private DiagnosticReasons() {}

    public static boolean isInformational(String reason) {
        return INFORMATIONAL.contains(reason);
    }
}

package dev.syncledger.processor.diagnostic;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a sync was notable: the 23 values of the native enum sync_failure_reason_enum, named as in the
 * database. Some are informational signals rather than failures; the processor treats them all alike.
 */
public enum SyncFailureReason {
    NO_SUITABLE_TOOL,
    TOOL_NOT_FOUND,
    AUTH_SCOPE_INSUFFICIENT,
    TOOL_EXECUTION_FAILED,
    EMPTY_RESULT,
    JSONATA_GENERATION_FAILED,
    SCHEMA_DRIFT_DETECTED,
    JURY_RUN,
    JURY_PARTIAL,
    JURY_DISAGREEMENT,
    JURY_QUORUM_LOST,
    BLUEPRINT_PERSISTENCE_FAILED,
    MAPPED_ENTITIES_DROPPED,
    MAPPED_ENTITIES_PARTIAL_DROP,
    FK_PARENT_MISSING,
    ENTITY_PERSIST_FAILED,
    SYNC_FK_DAG_CYCLE,
    REGRESSION_REVERTED,
    TARGET_SKIPPED,
    STRUCTURED_PIPELINE_DEGRADED,
    STRUCTURED_PIPELINE_FELL_BACK_TO_LEGACY,
    MAPPING_GENERATION_HARD_FAIL,
    TOOL_SELECTION_PINNED;

    // Looked up for every event that carries one: computed once, not per call.
    private static final Map<String, SyncFailureReason> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SyncFailureReason::code, value -> value));

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The value as the database enum and the events spell it. */
    public String code() {
        return code;
    }

    /** Empty for a value this version does not know, e.g. one a newer producer added. */
    public static Optional<SyncFailureReason> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}

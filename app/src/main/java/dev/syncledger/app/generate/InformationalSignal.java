package dev.syncledger.app.generate;

import java.util.List;
import java.util.function.Function;

/** The informational diagnostics a run sometimes emits: non-blocking signals, one per informational reason. */
enum InformationalSignal {

    JURY_RUN(6, "jury_run", false, scene -> "jury of 3 agreed on the " + scene.targetModel() + " mapping of " + scene.tool()),

    JURY_DISAGREEMENT(2, "jury_disagreement", false, scene -> "jury split 2-1 on field '" + scene.field() + "' of "
            + scene.targetModel() + "; the majority verdict is kept"),

    SCHEMA_DRIFT(3, "schema_drift_detected", true, scene -> "schema drift on " + scene.targetModel() + ": " + scene.tool()
            + " now returns the field '" + scene.field() + "_v2'"),

    TARGET_SKIPPED(3, "target_skipped", false, scene -> scene.targetModel() + " skipped: the model is not enabled for this workspace"),

    PIPELINE_DEGRADED(2, "structured_pipeline_degraded", true, scene -> "structured pipeline degraded: "
            + scene.draw().between(1, 4) + " of " + scene.draw().between(5, 20) + " pages of " + scene.tool()
            + " fell back to text extraction"),

    FELL_BACK_TO_LEGACY(1, "structured_pipeline_fell_back_to_legacy", false, scene -> "structured pipeline unavailable for "
            + scene.targetModel() + "; the legacy mapper was used"),

    TOOL_SELECTION_PINNED(2, "tool_selection_pinned", false, scene -> "tool selection pinned to " + scene.tool()
            + " by the workspace's connector settings");

    private static final List<InformationalSignal> ALL = List.of(values());

    private final int weight;
    private final String reason;
    private final boolean afterHttpCall;
    private final Function<SyncScene, String> detail;

    InformationalSignal(int weight, String reason, boolean afterHttpCall, Function<SyncScene, String> detail) {
        this.weight = weight;
        this.reason = reason;
        this.afterHttpCall = afterHttpCall;
        this.detail = detail;
    }

    static InformationalSignal draw(Draw draw) {
        return draw.weighted(ALL, signal -> signal.weight);
    }

    String reason() {
        return reason;
    }

    /** 200 when the signal came from reading a tool's answer, absent otherwise. */
    Integer httpStatus() {
        return afterHttpCall ? 200 : null;
    }

    /** No tool when the model was skipped before any tool was chosen. */
    String toolName(SyncScene scene) {
        return this == TARGET_SKIPPED ? null : scene.tool();
    }

    String detail(SyncScene scene) {
        return detail.apply(scene);
    }
}

package dev.syncledger.processor.collect;

import java.util.Optional;

/** collect_status_enum, ordered by how far a collect has got: todo, then in_progress, then one of the two ends. */
public enum CollectStatus {
    TODO("todo", 0),
    IN_PROGRESS("in_progress", 1),
    FINALIZED("finalized", 2),
    ERROR("error", 2);

    private final String code;
    private final int progress;

    CollectStatus(String code, int progress) {
        this.code = code;
        this.progress = progress;
    }

    public String code() {
        return code;
    }

    int progress() {
        return progress;
    }

    public boolean isTerminal() {
        return this == FINALIZED || this == ERROR;
    }

    public static Optional<CollectStatus> fromCode(String code) {
        for (CollectStatus status : values()) {
            if (status.code.equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

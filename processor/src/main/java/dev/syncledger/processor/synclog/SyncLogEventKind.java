package dev.syncledger.processor.synclog;

/** The five lifecycle events of a sync run, named as in the JSON event lines. */
public enum SyncLogEventKind {
    SCHEDULED("sync.scheduled"),
    STARTED("sync.started"),
    SUCCEEDED("sync.succeeded"),
    FAILED("sync.failed"),
    DELETED("sync.deleted");

    private final String type;

    SyncLogEventKind(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}

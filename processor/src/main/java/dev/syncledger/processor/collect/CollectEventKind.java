package dev.syncledger.processor.collect;

/** The two collect events, named as in the JSON event lines. */
public enum CollectEventKind {
    STATUS_CHANGED("collect.status_changed"),
    DELETED("collect.deleted");

    private final String type;

    CollectEventKind(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}

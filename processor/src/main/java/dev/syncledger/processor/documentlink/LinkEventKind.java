package dev.syncledger.processor.documentlink;

/** The two document-link events, named as in the JSON event lines. */
public enum LinkEventKind {
    LINKED("document.linked"),
    UNLINKED("document.unlinked");

    private final String type;

    LinkEventKind(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}

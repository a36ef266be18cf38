package dev.syncledger.schemas.serde;

/** Error messages here end up in logs and rejected-event rows, where a line break splits one problem into two. */
final class OneLine {

    private static final int MAX_CAUSES = 4;

    private OneLine() {}

    static String of(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** The messages of an exception and its causes, because the useful part is often only in the cause. */
    static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            String part = current.getMessage() == null || current.getMessage().isBlank()
                    ? current.getClass().getSimpleName()
                    : of(current.getMessage());
            if (out.indexOf(part) < 0) {
                if (out.length() > 0) {
                    out.append(": ");
                }
                out.append(part);
            }
        }
        return out.toString();
    }
}

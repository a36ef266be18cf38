package dev.syncledger.schemas.text;

/**
 * Text that goes into a log line, an error line or a rejected-event row: one line, and bounded, because a
 * line break splits one problem into two and a value quoted from a record may be megabytes long.
 */
public final class OneLine {

    /** What a message may hold at most; longer ones end in an ellipsis. */
    public static final int MAX_MESSAGE_CHARS = 1_000;

    private static final int MAX_CAUSES = 4;
    private static final String ELLIPSIS = "…";

    private OneLine() {}

    /** The text on one line, every run of white space a single space, at most {@link #MAX_MESSAGE_CHARS}. */
    public static String of(String text) {
        return of(text, MAX_MESSAGE_CHARS);
    }

    /** The text on one line, shortened to {@code maxChars} characters (code points) with an ellipsis. */
    public static String of(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        return shorten(text.strip().replaceAll("\\s+", " "), maxChars);
    }

    /**
     * A value from a record as a message quotes it: in single quotes, its control characters escaped (so that it
     * can neither break the line nor drive a terminal), at most {@code maxChars} characters of it.
     */
    public static String quote(String value, int maxChars) {
        return value == null ? "null" : "'" + escapeControls(shorten(value, maxChars)) + "'";
    }

    /**
     * Control characters as Java escapes: a line feed as {@code \\n}, an escape character as {@code \\u001b}. Invisible
     * format characters too (a right-to-left override, a zero-width space): on a terminal they reorder or hide what
     * follows, so a value could make a line read otherwise than it is.
     */
    public static String escapeControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                });
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The messages of an exception and its causes, because the useful part is often only in the cause. */
    public static String describe(Throwable error) {
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
        return shorten(out.toString(), MAX_MESSAGE_CHARS);
    }

    private static String shorten(String text, int maxChars) {
        if (text.length() <= maxChars || text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        int keep = Math.max(0, maxChars - 1);
        return text.substring(0, text.offsetByCodePoints(0, keep)) + ELLIPSIS;
    }
}

package dev.syncledger.processor.limits;

/**
 * How long each text field may be, so that whatever the processor accepts PostgreSQL can store and every
 * record it writes (state, changelog, internal, rejected) stays far below the producer's 1 MiB request limit
 * whatever the input. Lengths are counted as PostgreSQL counts characters: in code points, not UTF-16 units.
 *
 * <ul>
 *   <li>{@code cloud_task_id}, {@code provider}: varchar(255) in the data model; longer is {@code field_too_long}.</li>
 *   <li>{@code tool_name}: an identifier; over {@value #TOOL_NAME_MAX_CHARS} characters is {@code field_too_long}.</li>
 *   <li>{@code error}, {@code detail}: unbounded text in the data model, and a long stack trace is ordinary data, so
 *       they are kept in full up to {@value #LONG_TEXT_MAX_CHARS} characters and beyond that cut there, with a
 *       marker that gives the original length.</li>
 *   <li>{@code metadata}: kept in full up to {@value #METADATA_MAX_BYTES} bytes of JSON; a larger object keeps its
 *       top-level numbers and booleans (so {@code records_synced} still counts) and says what it dropped.</li>
 * </ul>
 */
public final class FieldLimits {

    public static final int VARCHAR_MAX_CHARS = 255;
    public static final int TOOL_NAME_MAX_CHARS = 1_024;
    public static final int LONG_TEXT_MAX_CHARS = 16_384;
    public static final int METADATA_MAX_BYTES = 65_536;

    private FieldLimits() {}

    /** The length PostgreSQL gives the text: its number of code points. */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    public static boolean exceeds(String text, int maxChars) {
        // A string of n UTF-16 units holds at least n/2 code points: most texts are decided without counting.
        return text != null && text.length() > maxChars && (text.length() > 2 * maxChars || characters(text) > maxChars);
    }

    /**
     * Long text kept in full up to {@value #LONG_TEXT_MAX_CHARS} characters; beyond that its first characters and
     * a marker such as {@code … [cut by sync-ledger at 16384 of 600000 characters]}.
     */
    public static String boundLongText(String text) {
        if (!exceeds(text, LONG_TEXT_MAX_CHARS)) {
            return text;
        }
        String kept = text.substring(0, text.offsetByCodePoints(0, LONG_TEXT_MAX_CHARS));
        return kept + "… [cut by sync-ledger at " + LONG_TEXT_MAX_CHARS + " of " + characters(text) + " characters]";
    }
}

package dev.syncledger.app.config;

import dev.syncledger.app.events.EventLineReader;
import picocli.CommandLine.Option;

/** How the commands that read event lines (publish, replay) read them. */
public final class EventInputOptions {

    @Option(names = "--max-line-bytes", paramLabel = "BYTES", defaultValue = "" + EventLineReader.DEFAULT_MAX_LINE_BYTES,
            description = "The longest event line read, in bytes; a longer line is reported by its number and skipped"
                    + " (default: ${DEFAULT-VALUE}, between " + EventLineReader.MIN_MAX_LINE_BYTES + " and " + EventLineReader.MAX_MAX_LINE_BYTES + ").")
    int maxLineBytes;

    public int maxLineBytes() {
        return maxLineBytes;
    }
}

package dev.syncledger.app.events;

import dev.syncledger.schemas.text.OneLine;

/**
 * A line that is not an event, by its 1-based number in the input, and why. The problem quotes the line, so
 * its control characters are escaped here, once for every place that prints it: a line must not be able to
 * move the cursor or write lines of its own into a summary on the operator's terminal.
 */
public record InvalidLine(long lineNumber, String problem) {

    public InvalidLine {
        problem = OneLine.escapeControls(problem);
    }
}

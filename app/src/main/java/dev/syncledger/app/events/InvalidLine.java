package dev.syncledger.app.events;

/** A line that is not an event, by its 1-based number in the input, and why. */
public record InvalidLine(long lineNumber, String problem) {}

package dev.syncledger.app.events;

/** A line that cannot be turned into an event at all; the CLI reports it with its line number and skips it. */
public final class InvalidEventLineException extends Exception {

    public InvalidEventLineException(String message) {
        super(message);
    }
}

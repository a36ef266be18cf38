package dev.syncledger.app.cli;

/** A failure the user can act on: its message is the one line the CLI prints, naming the problem and the fix. */
public final class UserFacingException extends RuntimeException {

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.syncledger.app.observability;

/** The HTTP endpoint could not start; the message is one line naming the address and the option that sets it. */
public final class HttpEndpointException extends RuntimeException {

    HttpEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.syncledger.app.pipeline;

/** The processor or the sink did not start or catch up in time; the message is one line that says what to check. */
public final class PipelineException extends RuntimeException {

    PipelineException(String message) {
        super(message);
    }

    PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}

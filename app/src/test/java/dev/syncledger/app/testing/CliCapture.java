package dev.syncledger.app.testing;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * The CLI run in the test's own JVM as a user would type it, with an empty environment: its exit code, and what it
 * wrote to standard output and to standard error, kept for the assertions.
 */
public final class CliCapture {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** One command; what it writes is added to what earlier ones wrote, until {@link #clear()}. */
    public int run(String... args) {
        return SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), CliEnvironment.of(Map.of()), args);
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    /** Forgets what earlier commands wrote, so that the next one's lines stand alone. */
    public void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}

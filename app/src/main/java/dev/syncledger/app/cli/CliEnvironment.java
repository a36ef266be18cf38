package dev.syncledger.app.cli;

import java.util.Map;

/**
 * What a command takes from its process: the environment variables and the stop request. The
 * process's own in production; a test's own in tests, so they set variables and stop a running
 * command without touching the JVM.
 */
public record CliEnvironment(Map<String, String> variables, Shutdown shutdown) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), new Shutdown());
    }

    public static CliEnvironment of(Map<String, String> variables) {
        return new CliEnvironment(variables, new Shutdown());
    }
}

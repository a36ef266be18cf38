package dev.syncledger.app.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of every command. {@code --config} is read before the other options are parsed (see
 * {@link ConfigFile#locate}); it is declared here so that it is accepted and shown in the help.
 */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of settings, keyed by the long option names without dashes (bootstrap-servers=...)."
                    + " A flag wins over the environment, which wins over this file.")
    Path config;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}

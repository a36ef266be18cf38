package dev.syncledger.app.api;

import dev.syncledger.app.config.DurationConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Prints a bearer token for the read API, scoped to one workspace, signed with the API's secret.")
public final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiSecret secret;

    @Option(names = "--workspace", paramLabel = "WORKSPACE_ID", required = true, description = "The workspace the token may read.")
    UUID workspace;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the token is good for (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    private final Map<String, String> environment;

    public TokenCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new ParameterException(spec.commandLine(), "--ttl must be positive");
        }
        try {
            spec.commandLine().getOut().println(secret.tokens(environment).mint(workspace, ttl, Instant.now()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}

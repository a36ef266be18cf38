package dev.syncledger.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where secrets come from: a file named by an option, or else an environment variable; never an option's value,
 * which help and error lines could show. Surrounding whitespace (a file's last newline) is not part of a secret.
 */
public final class Secrets {

    private Secrets() {}

    /**
     * The secret's bytes, or null when neither the file nor the variable gives one.
     *
     * @param option the file option's name, for the message when the file cannot be read
     * @throws IllegalArgumentException naming the file that cannot be read, never the secret
     */
    public static byte[] read(Path file, String option, Map<String, String> environment, String variable) {
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + option + " " + file + ": " + e.getMessage());
            }
        }
        String value = environment.get(variable);
        return value == null || value.isBlank() ? null : value.strip().getBytes(StandardCharsets.UTF_8);
    }
}

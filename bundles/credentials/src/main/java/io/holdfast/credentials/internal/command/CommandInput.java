package io.holdfast.credentials.internal.command;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.credentials.api.Activation;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parsing of the vault commands' options, with one-line errors naming the option and what is allowed. */
final class CommandInput {
    static final long MAX_FILE_BYTES = 1 << 20;

    private CommandInput() {
    }

    static CredentialTarget target(String system, String environment, String entry) {
        if (system != null && (environment != null || entry != null)) {
            throw invalid("give either --system, or --env with --entry, not both");
        }
        if (system != null) {
            return CredentialTarget.system(system.trim());
        }
        if (environment == null || entry == null) {
            throw invalid("name the target: --system <system id>, or --env <environment> with --entry <entry id>");
        }
        return CredentialTarget.entry(environment.trim(), entry.trim());
    }

    static CredentialKind kind(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return CredentialKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw invalid("kind '" + text.replaceAll("\\p{Cntrl}", "?") + "' is not one of "
                    + Arrays.stream(CredentialKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static Optional<Instant> instant(String option, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw invalid(option + " '" + text.replaceAll("\\p{Cntrl}", "?") + "' is not an ISO-8601 instant such as 2026-12-01T02:00:00Z");
        }
    }

    static Activation activation(boolean now, String at) {
        Optional<Instant> when = instant("--activate-at", at);
        if (now && when.isPresent()) {
            throw invalid("give either --activate or --activate-at, not both");
        }
        return now ? new Activation.Now() : when.<Activation>map(Activation.At::new).orElse(new Activation.Default());
    }

    /** The file's bytes (at most 1 MiB); the caller zeroes them. */
    static byte[] read(String file) {
        Path path = Path.of(file);
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw invalid("file " + path + " is larger than 1 MiB; it is not a credential");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw invalid("file " + path.toAbsolutePath() + " does not exist");
        } catch (IOException e) {
            throw invalid("could not read " + path.toAbsolutePath() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A passphrase file's content without the trailing line break. */
    static char[] passphrase(String file) {
        byte[] bytes = read(file);
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.length();
            while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            return text.substring(0, end).toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static HoldfastException invalid(String message) {
        return new HoldfastException(ErrorCode.INVALID_CONFIGURATION, message + "; nothing was changed");
    }
}

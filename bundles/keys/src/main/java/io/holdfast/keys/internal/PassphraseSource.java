package io.holdfast.keys.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Finds the master passphrase: {@code HOLDFAST_MASTER_PASSPHRASE}, else the file named by
 * {@code HOLDFAST_MASTER_PASSPHRASE_FILE}; only when neither variable is set, the system properties
 * {@code holdfast.master.passphrase} / {@code holdfast.master.passphrase.file} (tests, embedded runs),
 * so a system property can never override what the operator put in the environment.
 */
public final class PassphraseSource {
    static final String ENV_PASSPHRASE = "HOLDFAST_MASTER_PASSPHRASE";
    static final String ENV_FILE = "HOLDFAST_MASTER_PASSPHRASE_FILE";
    static final String PROP_PASSPHRASE = "holdfast.master.passphrase";
    static final String PROP_FILE = "holdfast.master.passphrase.file";

    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> systemProperties;

    PassphraseSource(UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    /** The process environment and system properties. */
    public static PassphraseSource system() {
        return new PassphraseSource(System::getenv, System::getProperty);
    }

    /** A passphrase and where it came from (for logs; the value itself is never logged). */
    public record Passphrase(char[] chars, String origin) {
        @Override
        public String toString() {
            return "Passphrase[from " + origin + "]";
        }
    }

    /**
     * @throws HoldfastException {@code KEYSTORE_PASSPHRASE} if no source is set, or the file cannot be read or is empty
     */
    public Passphrase resolve() {
        String value = setOrNull(environment.apply(ENV_PASSPHRASE));
        if (value != null) {
            return new Passphrase(value.toCharArray(), ENV_PASSPHRASE);
        }
        String file = setOrNull(environment.apply(ENV_FILE));
        if (file != null) {
            return readFile(file, ENV_FILE);
        }
        value = setOrNull(systemProperties.apply(PROP_PASSPHRASE));
        if (value != null) {
            return new Passphrase(value.toCharArray(), "system property " + PROP_PASSPHRASE);
        }
        file = setOrNull(systemProperties.apply(PROP_FILE));
        if (file != null) {
            return readFile(file, "system property " + PROP_FILE);
        }
        throw new HoldfastException(ErrorCode.KEYSTORE_PASSPHRASE, "master keystore has no passphrase: set "
                + ENV_PASSPHRASE + " or " + ENV_FILE + " (path of a file holding it) in the environment of the"
                + " Karaf process and restart; nothing was opened or written");
    }

    private static Passphrase readFile(String name, String origin) {
        Path path;
        byte[] bytes;
        try {
            path = Path.of(name);
            bytes = Files.readAllBytes(path);
        } catch (IOException | InvalidPathException e) {
            throw new HoldfastException(ErrorCode.KEYSTORE_PASSPHRASE, "cannot read the passphrase file '" + name
                    + "' named by " + origin + ": " + reason(e) + "; nothing was opened or written");
        }
        try {
            char[] chars = decode(bytes, withoutTrailingNewlines(bytes));
            if (chars.length == 0) {
                throw new HoldfastException(ErrorCode.KEYSTORE_PASSPHRASE, "the passphrase file " + path
                        + " named by " + origin + " is empty; nothing was opened or written");
            }
            return new Passphrase(chars, origin + " (" + path + ")");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Editors and {@code echo} add a newline; it is not part of the passphrase. */
    private static int withoutTrailingNewlines(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return end;
    }

    private static char[] decode(byte[] bytes, int length) {
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
        } catch (CharacterCodingException e) {
            throw new HoldfastException(ErrorCode.KEYSTORE_PASSPHRASE,
                    "the passphrase file is not valid UTF-8; nothing was opened or written");
        }
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        Arrays.fill(decoded.array(), '\0');
        return chars;
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied for the Karaf user";
        }
        return e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private static String setOrNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

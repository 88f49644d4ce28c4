package io.holdfast.keys.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.RuntimeMode;
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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds the master passphrase. Production (anything but {@code holdfast.mode=sandbox}, see
 * {@link RuntimeMode}) takes it only from a file the Karaf user alone can read:
 * <ol>
 * <li>{@code $CREDENTIALS_DIRECTORY/holdfast-master-key} when systemd passes it ({@code LoadCredential=});</li>
 * <li>the key file named by {@code HOLDFAST_MASTER_KEY_FILE} (or the older {@code HOLDFAST_MASTER_PASSPHRASE_FILE}),
 * else by system property {@code holdfast.master.key.file} (or {@code holdfast.master.passphrase.file});</li>
 * <li>else {@code ${karaf.etc}/holdfast-master.key}, which {@code bin/holdfast-init} creates.</li>
 * </ol>
 * A key file readable or writable by group or others is refused (HF-311): a passphrase on a shared file
 * is no secret. The passphrase itself in {@code HOLDFAST_MASTER_PASSPHRASE} (or system property
 * {@code holdfast.master.passphrase}) is a sandbox convenience: in production it is refused, because the
 * environment and the command line of a process are visible to other tools (ps, /proc, crash reports).
 */
public final class PassphraseSource {
    static final String ENV_PASSPHRASE = "HOLDFAST_MASTER_PASSPHRASE";
    static final String ENV_KEY_FILE = "HOLDFAST_MASTER_KEY_FILE";
    static final String ENV_FILE = "HOLDFAST_MASTER_PASSPHRASE_FILE";
    static final String ENV_CREDENTIALS_DIRECTORY = "CREDENTIALS_DIRECTORY";
    static final String CREDENTIAL_NAME = "holdfast-master-key";
    static final String PROP_PASSPHRASE = "holdfast.master.passphrase";
    static final String PROP_KEY_FILE = "holdfast.master.key.file";
    static final String PROP_FILE = "holdfast.master.passphrase.file";
    static final String DEFAULT_KEY_FILE = "holdfast-master.key";
    static final String NOT_INITIALISED = "Holdfast is not initialised (no admin user, master key file or database;"
            + " remote shell and HTTP stay closed): run bin/holdfast-init as the Karaf user, then restart";

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
     * @throws HoldfastException {@code KEYSTORE_PASSPHRASE} if no source is set, a clear passphrase is given in
     *         production, or the key file cannot be read, is empty or is not private to its owner
     */
    public Passphrase resolve() {
        RuntimeMode mode = RuntimeMode.parse(systemProperties.apply(RuntimeMode.PROPERTY));
        Passphrase clear = clearPassphrase(mode);
        if (clear != null) {
            return clear;
        }
        String credentials = setOrNull(environment.apply(ENV_CREDENTIALS_DIRECTORY));
        if (credentials != null && Files.exists(Path.of(credentials, CREDENTIAL_NAME))) {
            // systemd makes the directory private to the service user, whatever the file's own mode
            return readFile(Path.of(credentials, CREDENTIAL_NAME).toString(), "systemd credential " + CREDENTIAL_NAME, false);
        }
        for (String[] named : new String[][] {{ENV_KEY_FILE, environment.apply(ENV_KEY_FILE)},
                {ENV_FILE, environment.apply(ENV_FILE)},
                {"system property " + PROP_KEY_FILE, systemProperties.apply(PROP_KEY_FILE)},
                {"system property " + PROP_FILE, systemProperties.apply(PROP_FILE)}}) {
            if (setOrNull(named[1]) != null) {
                return readFile(named[1], named[0], true);
            }
        }
        String etc = setOrNull(systemProperties.apply("karaf.etc"));
        if (etc != null && Files.exists(Path.of(etc, DEFAULT_KEY_FILE))) {
            return readFile(Path.of(etc, DEFAULT_KEY_FILE).toString(), "the default key file", true);
        }
        throw new HoldfastException(ErrorCode.KEYSTORE_PASSPHRASE, NOT_INITIALISED + " (no master key file "
                + (etc == null ? "etc/" + DEFAULT_KEY_FILE : Path.of(etc, DEFAULT_KEY_FILE).toString()) + "; or set "
                + ENV_KEY_FILE + " / systemd LoadCredential=" + CREDENTIAL_NAME + ":<file>); nothing was opened or written");
    }

    /** The passphrase itself from the environment or a system property: sandbox only. */
    private Passphrase clearPassphrase(RuntimeMode mode) {
        String origin = ENV_PASSPHRASE;
        String value = setOrNull(environment.apply(ENV_PASSPHRASE));
        if (value == null) {
            origin = "system property " + PROP_PASSPHRASE;
            value = setOrNull(systemProperties.apply(PROP_PASSPHRASE));
        }
        if (value == null) {
            return null;
        }
        if (!mode.isSandbox()) {
            throw new HoldfastException(ErrorCode.KEYSTORE_PASSPHRASE, origin + " is accepted only in sandbox mode ("
                    + RuntimeMode.PROPERTY + "=sandbox); this instance runs in production: remove it and use a key file"
                    + " (mode 600, created by bin/holdfast-init) or systemd LoadCredential=" + CREDENTIAL_NAME
                    + "; nothing was opened or written");
        }
        return new Passphrase(value.toCharArray(), origin);
    }

    private static Passphrase readFile(String name, String origin, boolean mustBePrivate) {
        Path path;
        byte[] bytes;
        try {
            path = Path.of(name);
            if (mustBePrivate) {
                requireOwnerOnly(path, origin);
            }
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

    /** Refuses a key file that group or others may read or write (POSIX file systems; elsewhere ACLs decide). */
    private static void requireOwnerOnly(Path path, String origin) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        Set<PosixFilePermission> shared = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : permissions) {
            if (!p.name().startsWith("OWNER_")) {
                shared.add(p);
            }
        }
        if (!shared.isEmpty()) {
            throw new HoldfastException(ErrorCode.KEYSTORE_PASSPHRASE, "the master key file " + path + " named by "
                    + origin + " has mode " + PosixFilePermissions.toString(permissions) + ": group and others must"
                    + " have no access; run chmod 600 " + path + " and restart; nothing was opened or written");
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

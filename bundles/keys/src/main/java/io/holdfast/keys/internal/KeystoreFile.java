package io.holdfast.keys.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import javax.crypto.spec.PBEParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading and writing the PKCS#12 file. Writes go to a temp file in the same directory, are fsynced,
 * then renamed over the keystore, so a crash leaves either the old or the new keystore, never a
 * half-written one (losing the keystore loses all encrypted data).
 */
final class KeystoreFile {
    static final String TYPE = "PKCS12";
    /**
     * PBKDF2-HMAC-SHA256 iterations for every entry and for the file's integrity MAC: OWASP's 2023
     * recommendation (600,000). The JDK's defaults are 10,000; the MAC counts as much as the entries, since a
     * stolen file lets a guesser test passphrases against either.
     */
    static final int PBKDF2_ITERATIONS = 600_000;
    /** Pinned rather than left to java.security defaults, which older JDKs set to weak RC2/3DES. */
    static final String ENTRY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final String MAC_ITERATIONS_PROPERTY = "keystore.pkcs12.macIterationCount";
    private static final String MAC_ALGORITHM_PROPERTY = "keystore.pkcs12.macAlgorithm";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(KeystoreFile.class);

    private KeystoreFile() {
    }

    static KeyStore empty() {
        try {
            KeyStore keyStore = KeyStore.getInstance(TYPE);
            keyStore.load(null, null);
            return keyStore;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK has no PKCS12 keystore support: " + e.getMessage(), e);
        }
    }

    /**
     * @throws HoldfastException {@code KEYSTORE_PASSPHRASE} if the passphrase does not open it,
     *         {@code KEYSTORE_UNAVAILABLE} if it cannot be read or parsed
     */
    static KeyStore load(Path path, char[] passphrase) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keyStore = KeyStore.getInstance(TYPE);
            keyStore.load(in, passphrase);
            return keyStore;
        } catch (IOException e) {
            // The JDK reports a failed MAC check as IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw wrongPassphrase(path);
            }
            throw new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot read master keystore " + path + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); it was not changed. If it is damaged,"
                    + " restore it from backup", e);
        } catch (GeneralSecurityException e) {
            throw new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot parse master keystore " + path
                    + " as PKCS#12 (" + e.getMessage() + "); it was not changed. Restore it from backup", e);
        }
    }

    static HoldfastException wrongPassphrase(Path path) {
        return new HoldfastException(ErrorCode.KEYSTORE_PASSPHRASE, "the passphrase does not open " + path
                + ": check the master key file (etc/" + PassphraseSource.DEFAULT_KEY_FILE + ", "
                + PassphraseSource.ENV_KEY_FILE + " or systemd credential " + PassphraseSource.CREDENTIAL_NAME + ")"
                + "; the keystore was not changed");
    }

    /** Entry protection: PBES2, PBKDF2-HMAC-SHA256 at {@link #PBKDF2_ITERATIONS} with a fresh 16-byte salt, AES-256. */
    static KeyStore.PasswordProtection protection(char[] passphrase) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new KeyStore.PasswordProtection(passphrase, ENTRY_PROTECTION, new PBEParameterSpec(salt, PBKDF2_ITERATIONS));
    }

    /**
     * The PBKDF2 iteration count of the file's integrity MAC, read from the end of the PKCS#12 file (PFX ends
     * with MacData, whose last field is the iteration count, DEFAULT 1); 1 if it cannot be read there.
     */
    static int macIterations(Path path) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            int n = bytes.length;
            for (int length = 1; length <= 4 && n >= length + 2; length++) {
                if (bytes[n - length - 2] == 0x02 && bytes[n - length - 1] == length) {
                    int value = 0;
                    for (int i = n - length; i < n; i++) {
                        value = (value << 8) | (bytes[i] & 0xff);
                    }
                    return value;
                }
            }
            return 1;
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * Atomically replaces (or creates) the keystore file; permissions 600 where the file system is POSIX. Every
     * entry is re-wrapped into a new PKCS#12 store at {@link #PBKDF2_ITERATIONS}, so a keystore written by an older
     * Holdfast (10,000 iterations) is strengthened by any write.
     */
    static void write(Path path, KeyStore keyStore, char[] passphrase) {
        Path dir = path.toAbsolutePath().getParent();
        Path temp = null;
        try {
            KeyStore strong = rewrapped(keyStore, passphrase);
            createPrivateDirectory(dir);
            temp = posix(dir) ? Files.createTempFile(dir, path.getFileName() + ".", ".tmp", ownerOnly("rw-------"))
                    : Files.createTempFile(dir, path.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                storeWithStrongMac(strong, out, passphrase);
                channel.force(true);
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            syncDirectory(dir);
        } catch (IOException | GeneralSecurityException e) {
            throw new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "could not write master keystore " + path
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); the previous keystore, if any, is unchanged", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static KeyStore rewrapped(KeyStore keyStore, char[] passphrase) throws GeneralSecurityException {
        KeyStore strong = empty();
        KeyStore.PasswordProtection reading = new KeyStore.PasswordProtection(passphrase);
        for (String alias : Collections.list(keyStore.aliases())) {
            strong.setEntry(alias, keyStore.getEntry(alias, reading), protection(passphrase));
        }
        return strong;
    }

    /**
     * The JDK takes the MAC's algorithm and iteration count for a new PKCS#12 store only from these system (or
     * security) properties, read when the store is written. They are set just for this write, under a lock, and
     * restored; keystores are written only at creation, migration and rotation.
     */
    private static synchronized void storeWithStrongMac(KeyStore keyStore, OutputStream out, char[] passphrase)
            throws IOException, GeneralSecurityException {
        String iterations = System.getProperty(MAC_ITERATIONS_PROPERTY);
        String algorithm = System.getProperty(MAC_ALGORITHM_PROPERTY);
        try {
            System.setProperty(MAC_ITERATIONS_PROPERTY, Integer.toString(PBKDF2_ITERATIONS));
            System.setProperty(MAC_ALGORITHM_PROPERTY, "HmacPBESHA256");
            keyStore.store(out, passphrase);
        } finally {
            restore(MAC_ITERATIONS_PROPERTY, iterations);
            restore(MAC_ALGORITHM_PROPERTY, algorithm);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        if (posix(dir)) {
            Files.createDirectory(dir, ownerOnly("rwx------"));
        } else {
            Files.createDirectory(dir);
        }
    }

    /** Makes the rename itself durable; not possible on every platform, where the file fsync must do. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the file itself was already forced.
            LOG.debug("Directory {} not fsynced after keystore rename: {}", dir, e.toString());
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Only a leftover temp copy, encrypted like the keystore; the original error is what matters.
            LOG.warn("Could not delete temporary keystore copy {}: {}", temp, e.toString());
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}

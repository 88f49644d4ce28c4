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
import java.security.UnrecoverableKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading and writing the PKCS#12 file. Writes go to a temp file in the same directory, are fsynced,
 * then renamed over the keystore, so a crash leaves either the old or the new keystore, never a
 * half-written one (losing the keystore loses all encrypted data).
 */
final class KeystoreFile {
    static final String TYPE = "PKCS12";
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
                + ": check " + PassphraseSource.ENV_PASSPHRASE + " / " + PassphraseSource.ENV_FILE
                + "; the keystore was not changed");
    }

    /** Atomically replaces (or creates) the keystore file; permissions 600 where the file system is POSIX. */
    static void write(Path path, KeyStore keyStore, char[] passphrase) {
        Path dir = path.toAbsolutePath().getParent();
        Path temp = null;
        try {
            createPrivateDirectory(dir);
            temp = posix(dir) ? Files.createTempFile(dir, path.getFileName() + ".", ".tmp", ownerOnly("rw-------"))
                    : Files.createTempFile(dir, path.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                keyStore.store(out, passphrase);
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

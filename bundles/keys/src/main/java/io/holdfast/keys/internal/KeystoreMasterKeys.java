package io.holdfast.keys.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.api.PurposeKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableEntryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MasterKeys} backed by a PKCS#12 keystore holding one AES-256 key (HMAC-SHA256 key for
 * FIELD_DIGEST) per purpose and version under aliases like {@code payload-v2}. Keys are held in
 * memory after opening; the file is only rewritten (atomically) on creation and rotation.
 * Thread-safe: reads use an immutable {@link KeyRing} snapshot, rotations are serialised.
 */
public final class KeystoreMasterKeys implements MasterKeys, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoreMasterKeys.class);
    private static final HexFormat HEX = HexFormat.of();

    private final Path path;
    private final char[] passphrase;
    private final KeyStore keyStore;
    private volatile KeyRing ring;
    private final ThreadLocal<Mac> digestMac;
    private volatile Runnable onRotation = () -> { };
    private volatile boolean closed;

    private KeystoreMasterKeys(Path path, char[] passphrase, KeyStore keyStore, KeyRing ring) {
        this.path = path;
        this.passphrase = passphrase;
        this.keyStore = keyStore;
        this.ring = ring;
        // FIELD_DIGEST never rotates, so a per-thread Mac keyed once stays valid for this instance.
        SecretKey digestKey = requireCurrent(ring, KeyPurpose.FIELD_DIGEST).key();
        this.digestMac = ThreadLocal.withInitial(() -> newMac(digestKey));
    }

    /**
     * Opens the keystore at {@code keystore}, or creates it when it is missing, creation is allowed
     * and no encrypted data exists under {@code holdfastDataDir} ({@code payloads/} non-empty or
     * {@code derby/} present). The passphrase is copied; the caller may clear its array.
     *
     * @throws HoldfastException {@code KEYSTORE_PASSPHRASE} (wrong/empty passphrase) or
     *         {@code KEYSTORE_UNAVAILABLE} (missing with data present, unreadable, unwritable)
     */
    public static KeystoreMasterKeys open(Path keystore, char[] passphrase, boolean createIfMissing,
            Path holdfastDataDir) {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(holdfastDataDir, "holdfastDataDir");
        if (passphrase == null || passphrase.length == 0) {
            throw new HoldfastException(ErrorCode.KEYSTORE_PASSPHRASE, "master keystore passphrase is empty: check the"
                    + " master key file (bin/holdfast-init writes it); nothing was opened or written");
        }
        char[] secret = passphrase.clone();
        try {
            if (Files.exists(keystore)) {
                return openExisting(keystore, secret);
            }
            if (!createIfMissing) {
                throw new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "master keystore " + keystore
                        + " does not exist; restore it from backup");
            }
            return create(keystore, secret, holdfastDataDir);
        } catch (RuntimeException e) {
            Arrays.fill(secret, '\0');
            throw e;
        }
    }

    private static KeystoreMasterKeys openExisting(Path keystore, char[] secret) {
        KeyStore keyStore = KeystoreFile.load(keystore, secret);
        KeyRing ring = readKeys(keystore, keyStore, secret);
        Set<KeyPurpose> missing = ring.missingPurposes();
        if (!missing.isEmpty()) {
            // A purpose added by an upgrade: nothing can be encrypted under it yet, so a fresh v1 is safe.
            List<PurposeKey> added = new ArrayList<>(ring.all());
            for (KeyPurpose purpose : missing) {
                added.add(addEntry(keyStore, generate(purpose, 1), secret));
            }
            KeystoreFile.write(keystore, keyStore, secret);
            ring = KeyRing.of(added);
            LOG.warn("Added v1 keys for {} to master keystore {}; back it up again, see README", missing, keystore);
        }
        int macIterations = KeystoreFile.macIterations(keystore);
        if (macIterations < KeystoreFile.PBKDF2_ITERATIONS) {
            // written by an older Holdfast at the JDK's 10,000 iterations: same passphrase, stronger derivation
            KeystoreFile.write(keystore, keyStore, secret);
            LOG.warn("Re-protected master keystore {} with PBKDF2-HMAC-SHA256 at {} iterations (was {}); same passphrase,"
                    + " back it up again", keystore, KeystoreFile.PBKDF2_ITERATIONS, macIterations);
        }
        LOG.info("Opened master keystore {}: {}", keystore, ring.describe());
        return new KeystoreMasterKeys(keystore, secret, keyStore, ring);
    }

    private static KeystoreMasterKeys create(Path keystore, char[] secret, Path holdfastDataDir) {
        Optional<Path> evidence = EncryptedDataProbe.find(holdfastDataDir);
        if (evidence.isPresent()) {
            throw new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "master keystore " + keystore
                    + " is missing but encrypted data exists under " + evidence.get() + "; restore the keystore"
                    + " from backup (a new keystore could not decrypt that data, so none was created)");
        }
        KeyStore keyStore = KeystoreFile.empty();
        List<PurposeKey> keys = new ArrayList<>();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            keys.add(addEntry(keyStore, generate(purpose, 1), secret));
        }
        KeystoreFile.write(keystore, keyStore, secret);
        KeyRing ring = KeyRing.of(keys);
        LOG.warn("Generated a new master keystore {} ({}). Back it up together with its passphrase, see README:"
                + " without both, encrypted payloads, journal fields and vault entries cannot be read", keystore,
                ring.describe());
        return new KeystoreMasterKeys(keystore, secret, keyStore, ring);
    }

    @Override
    public PurposeKey current(KeyPurpose purpose) {
        return requireCurrent(ring, Objects.requireNonNull(purpose, "purpose"));
    }

    @Override
    public PurposeKey version(KeyPurpose purpose, int version) {
        return ring.version(Objects.requireNonNull(purpose, "purpose"), version)
                .orElseThrow(() -> new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "master keystore " + path
                        + " has no " + purpose + " key v" + version + " (it has " + ring.versions(purpose)
                        + "); the data was written under a key from another keystore: restore the backup that holds it"));
    }

    @Override
    public List<Integer> versions(KeyPurpose purpose) {
        return ring.versions(Objects.requireNonNull(purpose, "purpose"));
    }

    @Override
    public String digest(String value) {
        Objects.requireNonNull(value, "value");
        return HEX.formatHex(digestMac.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized PurposeKey rotate(KeyPurpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        if (purpose == KeyPurpose.FIELD_DIGEST) {
            throw new IllegalArgumentException("FIELD_DIGEST cannot be rotated: journal rows are indexed by digests"
                    + " under field_digest-v1, and a new key would make every existing lookup miss; nothing was changed");
        }
        if (closed) {
            throw new IllegalStateException("master keystore " + path + " was closed; nothing was changed");
        }
        PurposeKey next = generate(purpose, current(purpose).version() + 1);
        addEntry(keyStore, next, passphrase);
        try {
            KeystoreFile.write(path, keyStore, passphrase);
        } catch (RuntimeException e) {
            removeEntry(new KeyAlias(purpose, next.version()).alias());
            throw e;
        }
        ring = ring.with(next);
        LOG.info("Rotated {} key in {} to v{}: new data uses v{}, data under older versions stays readable",
                purpose, path, next.version(), next.version());
        notifyRotation();
        return next;
    }

    @Override
    public Path keystorePath() {
        return path;
    }

    /** Called after every successful rotation (e.g. to refresh health); exceptions are logged, not thrown. */
    public void onRotation(Runnable listener) {
        this.onRotation = Objects.requireNonNull(listener, "listener");
    }

    /** Versions held, for status lines; never key material. */
    public String describe() {
        return ring.describe();
    }

    /** Clears the passphrase copy; keys already handed out keep working, rotation no longer does. */
    @Override
    public synchronized void close() {
        closed = true;
        Arrays.fill(passphrase, '\0');
        digestMac.remove();
    }

    private void notifyRotation() {
        try {
            onRotation.run();
        } catch (RuntimeException e) {
            LOG.warn("Rotation listener failed after a successful rotation of {}", path, e);
        }
    }

    private void removeEntry(String alias) {
        try {
            keyStore.deleteEntry(alias);
        } catch (GeneralSecurityException e) {
            // The in-memory keystore now holds an entry the file lacks; the next write would add it.
            LOG.warn("Could not undo unsaved keystore entry {}: {}", alias, e.toString());
        }
    }

    private static KeyRing readKeys(Path keystore, KeyStore keyStore, char[] secret) {
        List<PurposeKey> keys = new ArrayList<>();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                Optional<KeyAlias> parsed = KeyAlias.parse(alias);
                if (parsed.isEmpty() || !keyStore.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                    LOG.debug("Ignoring keystore entry {} in {}: not a Holdfast purpose key", alias, keystore);
                    continue;
                }
                KeyStore.SecretKeyEntry entry = (KeyStore.SecretKeyEntry) keyStore.getEntry(alias,
                        new KeyStore.PasswordProtection(secret));
                keys.add(new PurposeKey(parsed.get().purpose(), parsed.get().version(), entry.getSecretKey()));
            }
        } catch (UnrecoverableEntryException e) {
            throw KeystoreFile.wrongPassphrase(keystore);
        } catch (GeneralSecurityException e) {
            throw new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot read keys from master keystore "
                    + keystore + " (" + e.getMessage() + "); it was not changed", e);
        }
        return KeyRing.of(keys);
    }

    private static PurposeKey addEntry(KeyStore keyStore, PurposeKey key, char[] secret) {
        try {
            keyStore.setEntry(new KeyAlias(key.purpose(), key.version()).alias(), new KeyStore.SecretKeyEntry(key.key()),
                    KeystoreFile.protection(secret));
            return key;
        } catch (GeneralSecurityException e) {
            throw new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot add " + key + " to the master keystore ("
                    + e.getMessage() + "); nothing was written", e);
        }
    }

    private static PurposeKey generate(KeyPurpose purpose, int version) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(purpose == KeyPurpose.FIELD_DIGEST ? "HmacSHA256" : "AES");
            generator.init(256);
            return new PurposeKey(purpose, version, generator.generateKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate 256-bit keys: " + e.getMessage(), e);
        }
    }

    private static PurposeKey requireCurrent(KeyRing ring, KeyPurpose purpose) {
        return ring.current(purpose).orElseThrow(() -> new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE,
                "master keystore holds no " + purpose + " key"));
    }

    private static Mac newMac(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getMessage(), e);
        }
    }
}

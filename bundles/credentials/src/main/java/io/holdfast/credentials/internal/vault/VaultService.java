package io.holdfast.credentials.internal.vault;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.CredentialVault;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.EntryVersion;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.api.VaultAdmin;
import io.holdfast.credentials.internal.material.Certificates;
import io.holdfast.credentials.internal.material.Material;
import io.holdfast.credentials.internal.material.MaterialCodec;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.store.api.Store;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential vault: one per environment, versioned slots (entry id + kind), sealed under the
 * master keystore. Providers read the version active <em>now</em> on every call, so an activation
 * (immediate or scheduled) takes effect without a restart; the previous version stays in use until
 * then. Reports component {@value #COMPONENT} to Health.
 */
@Component(service = {CredentialVault.class, VaultAdmin.class, VaultReader.class}, immediate = true)
public class VaultService implements CredentialVault, VaultAdmin, VaultReader {
    static final String COMPONENT = "credentials";
    private static final Logger LOG = LoggerFactory.getLogger(VaultService.class);

    private final VaultRepository repository;
    private final VaultCipher cipher;
    private final TargetResolver targets;
    private final VaultImporter importer;
    private final VaultViews views;
    private final Inventory inventory;
    private final Clock clock;
    private final Map<VersionKey, Unsealed> unsealed = new ConcurrentHashMap<>();

    @Activate
    public VaultService(@Reference Store store, @Reference MasterKeys keys, @Reference Inventory inventory,
                        @Reference Health health) {
        this(store, keys, inventory, health, Clock.systemUTC());
    }

    public VaultService(Store store, MasterKeys keys, Inventory inventory, Health health, Clock clock) {
        this.repository = new VaultRepository(store.dataSource(), store.dialect());
        this.cipher = new VaultCipher(keys);
        this.targets = new TargetResolver(inventory);
        this.importer = new VaultImporter(targets, cipher, repository, clock);
        this.views = new VaultViews(inventory);
        this.inventory = inventory;
        this.clock = clock;
        try {
            store.migrate(VaultSchema.MODULE, VaultSchema.MIGRATIONS);
            health.report(COMPONENT, HealthState.UP, repository.rows(Optional.empty(), Optional.empty()).size()
                    + " credential versions; environments " + String.join(", ", inventory.environments()));
        } catch (HoldfastException e) {
            health.report(COMPONENT, HealthState.DOWN, e.describe());
            throw e;
        } catch (SQLException e) {
            HoldfastException error = storeError("open the vault", e);
            health.report(COMPONENT, HealthState.DOWN, error.describe());
            throw error;
        }
    }

    @Override
    public ImportResult importCredential(ImportRequest request) {
        try {
            VaultImporter.Imported imported = importer.importCredential(request);
            EntryVersion version = view(imported.key());
            LOG.info("Vault: imported {} ({}), {}", version.label(), version.identity().describe(), version.state());
            return new ImportResult(version, imported.notes());
        } catch (SQLException e) {
            throw storeError("store the credential", e);
        }
    }

    @Override
    public EntryVersion activate(CredentialTarget target, Optional<CredentialKind> kind, int version, Optional<Instant> at) {
        TargetResolver.Resolved resolved = targets.resolve(target);
        Instant now = clock.instant();
        Instant when = at.filter(t -> t.isAfter(now)).orElse(now);
        VersionKey key = resolved.slot(kindOf(resolved, kind)).version(version);
        Unsealed material = unseal(key).orElseThrow(() -> new HoldfastException(ErrorCode.CREDENTIAL_INVALID,
                key.slot() + " has no version " + version + "; list versions with holdfast:creds"));
        requireValidAt(material, when, "cannot activate " + key);
        try {
            repository.setActivateAt(key, when);
        } catch (SQLException e) {
            throw storeError("activate " + key, e);
        }
        LOG.info("Vault: {} activated {}", key, when.equals(now) ? "now" : "from " + when);
        return view(key);
    }

    private CredentialKind kindOf(TargetResolver.Resolved target, Optional<CredentialKind> kind) {
        List<CredentialKind> kinds = versions(CredentialTarget.entry(target.environment(), target.entryId())).stream()
                .map(EntryVersion::kind).distinct().toList();
        if (kinds.isEmpty()) {
            throw new HoldfastException(ErrorCode.CREDENTIAL_INVALID, "the " + target.environment() + " vault has no entry '"
                    + target.entryId() + "'; import one with holdfast:cred-import");
        }
        if (kind.isPresent()) {
            if (!kinds.contains(kind.get())) {
                throw new HoldfastException(ErrorCode.CREDENTIAL_INVALID, "entry " + target.environment() + "/"
                        + target.entryId() + " holds no " + kind.get() + " (it holds " + kinds + ")");
            }
            return kind.get();
        }
        if (kinds.size() > 1) {
            throw new HoldfastException(ErrorCode.CREDENTIAL_INVALID, "entry " + target.environment() + "/" + target.entryId()
                    + " holds " + kinds + "; name the one to activate with --kind");
        }
        return kinds.get(0);
    }

    /** Refuses material with a certificate that is expired (or not yet valid) at {@code at}. */
    static void requireValidAt(Unsealed u, Instant at, String action) {
        for (X509Certificate cert : u.material().certificates()) {
            if (!at.isBefore(cert.getNotAfter().toInstant())) {
                throw new HoldfastException(ErrorCode.CREDENTIAL_EXPIRED, action + ": certificate " + Certificates.describe(cert)
                        + " expires at " + cert.getNotAfter().toInstant() + ", before " + at);
            }
        }
    }

    @Override
    public List<EntryVersion> versions(Optional<String> environment) {
        try {
            return views.views(repository.rows(environment, Optional.empty()), repository.certificates(environment), clock.instant());
        } catch (SQLException e) {
            throw storeError("list credentials", e);
        }
    }

    @Override
    public List<EntryVersion> versions(CredentialTarget target) {
        TargetResolver.Resolved r = targets.resolve(target);
        try {
            return views.views(repository.rows(Optional.of(r.environment()), Optional.of(r.entryId())),
                    repository.certificates(Optional.of(r.environment())), clock.instant());
        } catch (SQLException e) {
            throw storeError("list credentials", e);
        }
    }

    @Override
    public List<String> environments() {
        return inventory.environments();
    }

    @Override
    public List<EntrySummary> list(String environment) {
        return versions(Optional.of(environment)).stream().map(v -> new EntrySummary(v.entryId(), v.environment(),
                v.kind().name(), v.version(), v.state() == EntryVersion.State.ACTIVE, v.identity())).toList();
    }

    @Override
    public Optional<EntrySummary> active(String id, String environment) {
        return list(environment).stream().filter(s -> s.id().equals(id) && s.active()).findFirst();
    }

    @Override
    public Optional<Unsealed> active(SlotKey slot) {
        try {
            Optional<VersionRow> row = repository.active(slot, clock.instant());
            return row.flatMap(r -> unseal(r.key()));
        } catch (SQLException e) {
            throw storeError("read " + slot, e);
        }
    }

    private Optional<Unsealed> unseal(VersionKey key) {
        Unsealed cached = unsealed.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            Optional<VersionRow> row = repository.rows(Optional.of(key.slot().environment()), Optional.of(key.slot().entryId()))
                    .stream().filter(r -> r.key().equals(key)).findFirst();
            Optional<byte[]> sealed = repository.sealed(key);
            if (row.isEmpty() || sealed.isEmpty()) {
                return Optional.empty();
            }
            Unsealed result = new Unsealed(key, decode(key, sealed.get()), VaultViews.identity(row.get()));
            unsealed.put(key, result);
            return Optional.of(result);
        } catch (SQLException e) {
            throw storeError("read " + key, e);
        }
    }

    private Material decode(VersionKey key, byte[] sealed) {
        byte[] plaintext = cipher.open(key, sealed);
        try {
            return MaterialCodec.decode(plaintext);
        } catch (IOException | GeneralSecurityException e) {
            throw new HoldfastException(ErrorCode.CREDENTIAL_INVALID, key + " could not be decoded after decryption ("
                    + e.getClass().getSimpleName() + "); re-import it", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private EntryVersion view(VersionKey key) {
        return versions(CredentialTarget.entry(key.slot().environment(), key.slot().entryId())).stream()
                .filter(v -> v.kind() == key.slot().kind() && v.version() == key.version()).findFirst().orElseThrow();
    }

    private static HoldfastException storeError(String action, SQLException e) {
        return new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Could not " + action + " (SQLState " + e.getSQLState()
                + "); nothing was changed. Check holdfast:status for the store", e);
    }
}

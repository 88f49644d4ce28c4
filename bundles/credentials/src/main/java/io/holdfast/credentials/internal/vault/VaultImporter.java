package io.holdfast.credentials.internal.vault;

import io.holdfast.credentials.api.CertificateFacts;
import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialImportException.Reason;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.internal.material.Certificates;
import io.holdfast.credentials.internal.material.Material;
import io.holdfast.credentials.internal.material.MaterialCodec;
import io.holdfast.credentials.internal.pki.MaterialBuilder;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The import flow: resolve the target, build and check the material, seal it, and store the version
 * with its certificate facts in one transaction. Any failure before the commit stores nothing.
 */
final class VaultImporter {
    /** Derby's {@code VARCHAR FOR BIT DATA} limit, with room for the sealing overhead. */
    private static final int MAX_SEALED = 32_000;

    private final TargetResolver targets;
    private final MaterialBuilder builder;
    private final VaultCipher cipher;
    private final VaultRepository repository;
    private final Clock clock;

    VaultImporter(TargetResolver targets, VaultCipher cipher, VaultRepository repository, Clock clock) {
        this.targets = targets;
        this.builder = new MaterialBuilder(clock);
        this.cipher = cipher;
        this.repository = repository;
        this.clock = clock;
    }

    /** @return the key of the stored version and the admin notes */
    Imported importCredential(ImportRequest request) throws SQLException {
        TargetResolver.Resolved target = targets.resolve(request.target());
        TargetResolver.requireUsed(target, request.kind());
        MaterialBuilder.Built built = builder.build(request);
        Material material = built.material();
        SlotKey slot = target.slot(request.kind());
        List<CertificateFacts> facts = material.certificates().stream().map(Certificates::facts).toList();
        Optional<String> fingerprint = facts.isEmpty() || material instanceof Material.TrustAnchors
                ? Optional.empty() : Optional.of(facts.get(0).fingerprint());
        VaultRepository.NewVersion row = new VaultRepository.NewVersion(slot, target.system().map(s -> s.id()),
                request.activation(), clock.instant(), fingerprint, material.keyId(), facts);
        byte[] plaintext = MaterialCodec.encode(material);
        try {
            int version = repository.insertNext(row, v -> sealChecked(slot.version(v), plaintext));
            return new Imported(slot.version(version), built.notes());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private byte[] sealChecked(VersionKey key, byte[] plaintext) {
        byte[] sealed = cipher.seal(key, plaintext);
        if (sealed.length > MAX_SEALED) {
            throw new CredentialImportException(Reason.INVALID_VALUE, "the material is " + sealed.length
                    + " bytes sealed; at most " + MAX_SEALED + " fit (split trust anchors into several entries)");
        }
        return sealed;
    }

    record Imported(VersionKey key, List<String> notes) {
    }
}

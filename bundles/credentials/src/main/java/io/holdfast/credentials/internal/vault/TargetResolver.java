package io.holdfast.credentials.internal.vault;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialImportException.Reason;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import java.util.Optional;
import java.util.regex.Pattern;

/** Resolves a {@link CredentialTarget} to an environment and entry id, checking both against the inventory. */
final class TargetResolver {
    private static final Pattern ENTRY_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private final Inventory inventory;

    TargetResolver(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Environment + entry, and the system if the target named one. */
    record Resolved(String environment, String entryId, Optional<DownstreamSystem> system) {
        SlotKey slot(CredentialKind kind) {
            return new SlotKey(environment, entryId, kind);
        }
    }

    /** @throws io.holdfast.api.error.HoldfastException {@code UNKNOWN_SYSTEM} for an unknown system id */
    Resolved resolve(CredentialTarget target) {
        if (target instanceof CredentialTarget.OfSystem s) {
            DownstreamSystem system = inventory.require(s.systemId());
            String ref = system.credentialRef().orElseThrow(() -> new CredentialImportException(Reason.INVALID_TARGET,
                    "system '" + system.id() + "' uses auth pattern " + system.authPattern() + " and has no credential ref"));
            return new Resolved(system.environment(), ref, Optional.of(system));
        }
        CredentialTarget.Entry e = (CredentialTarget.Entry) target;
        String environment = e.environment().trim();
        if (!inventory.environments().contains(environment)) {
            throw new CredentialImportException(Reason.INVALID_TARGET, "environment '" + printable(environment)
                    + "' is not one of " + String.join(", ", inventory.environments()));
        }
        String entryId = e.entryId().trim();
        if (!ENTRY_ID.matcher(entryId).matches()) {
            throw new CredentialImportException(Reason.INVALID_TARGET, "entry id '" + printable(entryId)
                    + "' must be 1-64 lowercase letters, digits, '.', '_' or '-'");
        }
        return new Resolved(environment, entryId, Optional.empty());
    }

    /** Refuses a kind the system's auth pattern never reads. */
    static void requireUsed(Resolved target, CredentialKind kind) {
        target.system().ifPresent(system -> {
            if (!PatternKinds.used(system.authPattern()).contains(kind)) {
                throw new CredentialImportException(Reason.INVALID_TARGET, "system '" + system.id() + "' uses "
                        + system.authPattern() + ", which reads " + PatternKinds.used(system.authPattern())
                        + "; a " + kind + " would never be used");
            }
        });
    }

    private static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 61) + "..." : clean;
    }
}

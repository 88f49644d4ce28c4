package io.holdfast.keys.internal.command;

import io.holdfast.api.kernel.Health;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.api.PurposeKey;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** {@code holdfast:keys-rotate <purpose>}: adds a new key version and makes it current. */
@Service
@Command(scope = "holdfast", name = "keys-rotate",
        description = "Adds a new version of a purpose key and makes it current; data under older versions stays readable")
public class KeysRotateCommand implements Action {

    @Argument(index = 0, name = "purpose", required = true,
            description = "payload or vault (field_digest cannot be rotated: it indexes stored rows)")
    @Completion(value = StringsCompleter.class, values = {"payload", "vault"})
    String purpose;

    @Reference(optional = true)
    MasterKeys keys;

    @Reference(optional = true)
    Health health;

    @Override
    public Object execute() {
        MasterKeys available = MasterKeysAvailability.require(keys, health);
        PurposeKey rotated = available.rotate(parse(purpose));
        String name = rotated.purpose().name().toLowerCase(Locale.ROOT);
        System.out.println("Rotated " + name + ": v" + rotated.version() + " now encrypts new data; versions "
                + available.versions(rotated.purpose()) + " stay in the keystore so older data stays readable.");
        System.out.println("Back up " + available.keystorePath() + " now: older backups lack v" + rotated.version() + ".");
        return null;
    }

    private static KeyPurpose parse(String value) {
        try {
            return KeyPurpose.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown key purpose '" + value + "'; allowed: payload, vault");
        }
    }
}

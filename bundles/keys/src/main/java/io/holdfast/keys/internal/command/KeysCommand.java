package io.holdfast.keys.internal.command;

import io.holdfast.api.kernel.Health;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code holdfast:keys}: key versions per purpose and the keystore path. Never prints key material. */
@Service
@Command(scope = "holdfast", name = "keys", description = "Lists master key purposes and versions (never key bytes)")
public class KeysCommand implements Action {

    @Reference(optional = true)
    MasterKeys keys;

    @Reference(optional = true)
    Health health;

    @Override
    public Object execute() {
        MasterKeys available = MasterKeysAvailability.require(keys, health);
        System.out.println("Keystore: " + available.keystorePath());
        ShellTable table = new ShellTable();
        table.column("Purpose");
        table.column("Version");
        table.column("Current");
        table.column("Used for");
        for (KeyPurpose purpose : KeyPurpose.values()) {
            List<Integer> versions = available.versions(purpose);
            int current = available.current(purpose).version();
            for (int version : versions) {
                table.addRow().addContent(purpose.name().toLowerCase(Locale.ROOT), "v" + version,
                        version == current ? "*" : "", usage(purpose, version == current));
            }
        }
        table.print(System.out);
        return null;
    }

    private static String usage(KeyPurpose purpose, boolean current) {
        if (purpose == KeyPurpose.FIELD_DIGEST) {
            return "digests of identifiers (never rotated)";
        }
        return current ? "encrypts new data, decrypts its own" : "decrypts data written before rotation";
    }
}

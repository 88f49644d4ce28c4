package io.holdfast.inventory.internal.command;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.health.api.HoldfastAction;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code holdfast:system-remove}: deletes one entry. */
@Service
@Command(scope = "holdfast", name = "system-remove", description = "Removes a downstream system from the inventory")
public class SystemRemoveCommand extends HoldfastAction {
    @Reference
    Inventory inventory;

    @Argument(index = 0, name = "id", required = true, description = "The system id")
    @Completion(SystemIdCompleter.class)
    String id;

    PrintStream out = System.out;

    @Override
    protected void run() {
        if (!inventory.remove(id)) {
            throw new HoldfastException(ErrorCode.UNKNOWN_SYSTEM,
                    "Unknown system '" + id + "'; nothing was removed. List the known ones with holdfast:systems");
        }
        out.println("Removed system " + id.trim());
    }
}

package io.holdfast.inventory.internal.command;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Inventory;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code holdfast:system-remove}: deletes one entry. */
@Service
@Command(scope = "holdfast", name = "system-remove", description = "Removes a downstream system from the inventory")
public class SystemRemoveCommand implements Action {
    @Reference
    Inventory inventory;

    @Argument(index = 0, name = "id", required = true, description = "The system id")
    @Completion(SystemIdCompleter.class)
    String id;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Object execute() {
        try {
            if (inventory.remove(id)) {
                out.println("Removed system " + id.trim());
            } else {
                err.println(new HoldfastException(ErrorCode.UNKNOWN_SYSTEM,
                        "Unknown system '" + id + "'; nothing was removed. List the known ones with holdfast:systems").describe());
            }
        } catch (HoldfastException e) {
            err.println(e.describe());
        }
        return null;
    }
}

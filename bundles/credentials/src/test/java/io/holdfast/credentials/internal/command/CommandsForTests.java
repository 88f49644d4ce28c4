package io.holdfast.credentials.internal.command;

import io.holdfast.credentials.api.VaultAdmin;
import java.nio.file.Path;
import java.util.List;

/** Runs vault commands from tests in other packages, printing to System.out / System.err. */
public final class CommandsForTests {
    private CommandsForTests() {
    }

    /** Prints a failed command's one line to System.err, as the Karaf console would. */
    private static void run(org.apache.karaf.shell.api.action.Action command) {
        try {
            command.execute();
        } catch (Exception e) {
            System.err.println(e.getMessage());
        }
    }

    public static void importFile(VaultAdmin vault, String system, String kind, Path file, Path passphraseFile) {
        CredImportCommand c = new CredImportCommand();
        c.vault = vault;
        c.system = system;
        c.kind = kind;
        c.files = List.of(file.toString());
        c.passphraseFile = passphraseFile.toString();
        run(c);
    }

    public static void listAll(VaultAdmin vault) {
        CredsCommand c = new CredsCommand();
        c.vault = vault;
        run(c);
    }
}

package io.holdfast.credentials.internal.command;

import io.holdfast.credentials.api.VaultAdmin;
import java.nio.file.Path;
import java.util.List;

/** Runs vault commands from tests in other packages, printing to System.out / System.err. */
public final class CommandsForTests {
    private CommandsForTests() {
    }

    public static void importFile(VaultAdmin vault, String system, String kind, Path file, Path passphraseFile) {
        CredImportCommand c = new CredImportCommand();
        c.vault = vault;
        c.system = system;
        c.kind = kind;
        c.files = List.of(file.toString());
        c.passphraseFile = passphraseFile.toString();
        c.execute();
    }

    public static void listAll(VaultAdmin vault) {
        CredsCommand c = new CredsCommand();
        c.vault = vault;
        c.execute();
    }
}

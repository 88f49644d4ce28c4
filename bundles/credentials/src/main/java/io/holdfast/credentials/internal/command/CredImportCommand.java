package io.holdfast.credentials.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.credentials.api.Activation;
import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.EntryVersion;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.api.VaultAdmin;
import io.holdfast.health.api.HoldfastAction;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code holdfast:cred-import}: adds a version to the vault. Secrets are read from files or typed at a
 * masked prompt, never taken as command-line values (they would land in the shell history).
 */
@Service
@Command(scope = "holdfast", name = "cred-import",
        description = "Imports a credential version into the vault: PEM, PKCS#8 or PKCS#12 files, or a secret value")
public class CredImportCommand extends HoldfastAction {
    private static final Set<CredentialKind> TEXT_KINDS = Set.of(CredentialKind.API_KEY, CredentialKind.SECRET,
            CredentialKind.ORG_CREDENTIAL);

    @Reference
    VaultAdmin vault;

    @Reference(optional = true)
    Session session;

    @Argument(index = 0, name = "files", multiValued = true, description = "PEM, DER (PKCS#8 key, X.509 certificate) or"
            + " PKCS#12 files; for API_KEY, SECRET and ORG_CREDENTIAL one file holding the value (omit it to be prompted)")
    @Completion(FileCompleter.class)
    List<String> files;

    @Option(name = "--system", description = "Inventory system whose credential ref (and environment) receives the version")
    @Completion(SystemIdCompleter.class)
    String system;

    @Option(name = "--env", description = "Environment of the vault (with --entry, instead of --system)")
    @Completion(EnvironmentCompleter.class)
    String environment;

    @Option(name = "--entry", description = "Vault entry id (with --env, instead of --system)")
    @Completion(EntryIdCompleter.class)
    String entry;

    @Option(name = "--kind", description = "KEY_PAIR (default), TRUST_ANCHORS, JWT_SIGNING_KEY, API_KEY, SECRET, ORG_CREDENTIAL")
    @Completion(KindCompleter.class)
    String kind = "KEY_PAIR";

    @Option(name = "--passphrase-file", description = "File holding the PKCS#12 / encrypted key passphrase (default: prompt)")
    @Completion(FileCompleter.class)
    String passphraseFile;

    @Option(name = "--kid", description = "Key id of a JWT_SIGNING_KEY, as registered with the API platform")
    String kid;

    @Option(name = "--username", description = "User name or MESH mailbox id of an ORG_CREDENTIAL")
    String username;

    @Option(name = "--activate", description = "Make this version active at once (default: only a first version is)")
    boolean activateNow;

    @Option(name = "--activate-at", description = "Schedule activation at an ISO-8601 instant, e.g. 2026-12-01T02:00:00Z")
    String activateAt;

    /** Re-checked after a change, so alerts of a replaced certificate clear at once (absent: the daily run does it). */
    @Reference(optional = true)
    CertificateMonitor monitor;

    PrintStream out = System.out;

    @Override
    protected void run() {
        List<byte[]> parts = new ArrayList<>();
        char[] passphrase = null;
        try {
            CredentialKind k = CommandInput.kind(kind);
            CredentialTarget target = CommandInput.target(system, environment, entry);
            Activation activation = CommandInput.activation(activateNow, activateAt);
            parts.addAll(content(k));
            ImportRequest request = ImportRequest.of(target, k, parts).withKeyId(kid).withUsername(username)
                    .withActivation(activation);
            passphrase = passphraseFile == null ? null : CommandInput.passphrase(passphraseFile);
            print(importWithPrompt(request, passphrase));
        } finally {
            parts.forEach(p -> Arrays.fill(p, (byte) 0));
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        CertificateTable.recheck(monitor, out);
    }

    private List<byte[]> content(CredentialKind k) {
        List<byte[]> result = new ArrayList<>();
        if ((files == null || files.isEmpty()) && TEXT_KINDS.contains(k)) {
            result.add(prompt(k == CredentialKind.ORG_CREDENTIAL ? "Password: " : k.name().replace('_', ' ') + ": ")
                    .getBytes(StandardCharsets.UTF_8));
        } else if (files != null) {
            files.forEach(f -> result.add(CommandInput.read(f)));
        }
        return result;
    }

    private VaultAdmin.ImportResult importWithPrompt(ImportRequest request, char[] passphrase) {
        try {
            return vault.importCredential(passphrase == null ? request : request.withPassphrase(passphrase));
        } catch (CredentialImportException e) {
            if (e.reason() != CredentialImportException.Reason.PASSPHRASE_REQUIRED || session == null) {
                throw e;
            }
            char[] typed = prompt("Passphrase: ").toCharArray();
            try {
                return vault.importCredential(request.withPassphrase(typed));
            } finally {
                Arrays.fill(typed, '\0');
            }
        }
    }

    private String prompt(String label) {
        if (session == null) {
            throw CommandInput.invalid("no console to prompt for the " + label.replace(": ", "").toLowerCase()
                    + "; give it in a file");
        }
        try {
            String typed = session.readLine(label, '*');
            if (typed == null || typed.isEmpty()) {
                throw CommandInput.invalid("no " + label.replace(": ", "").toLowerCase() + " was typed; give it in a file");
            }
            return typed;
        } catch (IOException e) {
            throw CommandInput.invalid("could not read the " + label.replace(": ", "").toLowerCase() + " from the console");
        }
    }

    private void print(VaultAdmin.ImportResult result) {
        EntryVersion v = result.version();
        out.println("Imported " + v.label() + " (" + v.identity().describe() + "): " + v.state()
                + v.activateAt().map(t -> v.state() == EntryVersion.State.SCHEDULED ? " from " + t : "").orElse(""));
        if (v.state() == EntryVersion.State.PENDING) {
            out.println("The active version stays in use. Activate this one with: holdfast:cred-activate --env "
                    + v.environment() + " --entry " + v.entryId() + " --kind " + v.kind() + " " + v.version());
        }
        result.notes().forEach(n -> out.println("  note: " + n));
    }
}

package io.holdfast.inventory.internal.command;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.health.api.HoldfastAction;
import io.holdfast.inventory.internal.SystemFields;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code holdfast:system-add}: adds (or with {@code --replace} replaces) an inventory entry. */
@Service
@Command(scope = "holdfast", name = "system-add", description = "Adds a downstream system to the inventory")
public class SystemAddCommand extends HoldfastAction {
    @Reference
    Inventory inventory;

    @Argument(index = 0, name = "id", required = true,
            description = "System id: lowercase letters, digits, '.', '_' or '-' (e.g. epr-main)")
    @Completion(SystemIdCompleter.class)
    String id;

    @Option(name = "--name", required = true, description = "Human-readable name")
    String name;

    @Option(name = "--ods", description = "ODS code of the organisation running the system (e.g. RX1)")
    String odsCode;

    @Option(name = "--env", required = true, description = "Environment: one of the configured ones (default dev, test, int, live)")
    @Completion(EnvironmentCompleter.class)
    String environment;

    @Option(name = "--transport", required = true, description = "HTTP, MLLP, MESH, SFTP, DB, SPINE_EBXML (or a configured extra one)")
    @Completion(TransportCompleter.class)
    String transport;

    @Option(name = "--format", required = true, description = "Wire format: HL7V2:2.4, FHIR:R4, HL7V3_EBXML, ESR_FILE, OPAQUE")
    String format;

    @Option(name = "--endpoint", required = true,
            description = "Where to send: https://..., mllp://host:port, sftp://host/path, jdbc:... (never with credentials)")
    String endpoint;

    @Option(name = "--auth", required = true,
            description = "Auth pattern: TLS_MUTUAL, OAUTH2_SIGNED_JWT, CIS2_USER, ORG_CREDENTIALS, API_KEY, NONE")
    @Completion(AuthPatternCompleter.class)
    String authPattern;

    @Option(name = "--credential-ref", description = "Vault entry id with the credentials (default: the system id; none with NONE)")
    String credentialRef;

    @Option(name = "--owner", description = "Owner contact: team, e-mail or phone")
    String owner;

    @Option(name = "--replace", description = "Replace the entry if the id exists (default: refuse)")
    boolean replace;

    PrintStream out = System.out;

    @Override
    protected void run() {
        DownstreamSystem draft = SystemFields.parse(id, name, odsCode, environment, transport, format, endpoint,
                authPattern, credentialRef, owner);
        DownstreamSystem saved = replace ? inventory.save(draft) : inventory.add(draft);
        out.println((replace ? "Saved" : "Added") + " system " + saved.id() + " (" + saved.environment() + ", "
                + saved.transport() + ", " + saved.format() + ", " + saved.authPattern()
                + saved.credentialRef().map(r -> ", credential ref " + r).orElse("") + ")");
    }
}

package io.holdfast.credentials.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code holdfast:certs}: every monitored certificate with days left and state. */
@Service
@Command(scope = "holdfast", name = "certs",
        description = "Lists the vault's certificates with days to expiry and state (OK, EXPIRING_90/30/7, EXPIRED)")
public class CertsCommand implements Action {
    @Reference
    CertificateMonitor monitor;

    @Option(name = "--env", description = "Only this environment")
    @Completion(EnvironmentCompleter.class)
    String environment;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Object execute() {
        try {
            List<CertificateStatus> statuses = monitor.statuses().stream()
                    .filter(s -> environment == null || environment.trim().equals(s.environment())).toList();
            CertificateTable.print(statuses, out);
        } catch (HoldfastException e) {
            err.println(e.describe());
        }
        return null;
    }
}

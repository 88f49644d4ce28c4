package io.holdfast.credentials.internal.command;

import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.health.api.HoldfastAction;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code holdfast:certs}: every monitored certificate with days left and state. */
@Service
@Command(scope = "holdfast", name = "certs",
        description = "Lists the vault's certificates with days to expiry and state (OK, EXPIRING_90/30/7, EXPIRED)")
public class CertsCommand extends HoldfastAction {
    @Reference
    CertificateMonitor monitor;

    @Option(name = "--env", description = "Only this environment")
    @Completion(EnvironmentCompleter.class)
    String environment;

    PrintStream out = System.out;

    @Override
    protected void run() {
        List<CertificateStatus> statuses = monitor.statuses().stream()
                .filter(s -> environment == null || environment.trim().equals(s.environment())).toList();
        CertificateTable.print(statuses, out);
    }
}

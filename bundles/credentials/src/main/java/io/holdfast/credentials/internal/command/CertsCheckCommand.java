package io.holdfast.credentials.internal.command;

import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.health.api.HoldfastAction;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code holdfast:certs-check}: runs the certificate monitor now (alerts for new threshold crossings). */
@Service
@Command(scope = "holdfast", name = "certs-check",
        description = "Checks certificate expiry now; new threshold crossings are logged, posted as events and shown")
public class CertsCheckCommand extends HoldfastAction {
    @Reference
    CertificateMonitor monitor;

    PrintStream out = System.out;

    @Override
    protected void run() {
        List<CertificateStatus> statuses = monitor.check();
        CertificateTable.print(statuses, out);
        long attention = statuses.stream().filter(s -> s.state() != CertificateStatus.State.OK).count();
        out.println("Checked " + statuses.size() + " certificates; " + attention + " need attention");
    }
}

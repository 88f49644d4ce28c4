package io.holdfast.credentials.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code holdfast:certs-check}: runs the certificate monitor now (alerts for new threshold crossings). */
@Service
@Command(scope = "holdfast", name = "certs-check",
        description = "Checks certificate expiry now; new threshold crossings are logged, posted as events and shown")
public class CertsCheckCommand implements Action {
    @Reference
    CertificateMonitor monitor;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Object execute() {
        try {
            List<CertificateStatus> statuses = monitor.check();
            CertificateTable.print(statuses, out);
            long attention = statuses.stream().filter(s -> s.state() != CertificateStatus.State.OK).count();
            out.println("Checked " + statuses.size() + " certificates; " + attention + " need attention");
        } catch (HoldfastException e) {
            err.println(e.describe());
        }
        return null;
    }
}

package io.holdfast.credentials.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** The {@code holdfast:certs} table, soonest expiry first. */
final class CertificateTable {

    private CertificateTable() {
    }

    static void print(List<CertificateStatus> statuses, PrintStream out) {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"System", "Subject", "Issuer", "Serial", "Not after", "Days left", "State", "Entry"}) {
            table.column(column);
        }
        statuses.stream().sorted(Comparator.comparingLong(CertificateStatus::daysLeft)).forEach(s -> table.addRow().addContent(
                s.systems().isEmpty() ? "-" : String.join(",", s.systems()), s.certificate().subject(), s.certificate().issuer(),
                s.certificate().serial(), s.certificate().notAfter(), s.daysLeft(), s.state(),
                s.environment() + "/" + s.entryId() + " " + s.kind() + " v" + s.version() + " " + s.versionState()));
        table.print(out);
    }

    /**
     * Runs the certificate check after a vault change, so a renewed and activated certificate clears its
     * alert at once. The change itself succeeded, so a failing check is a note, not a failed command.
     */
    static void recheck(CertificateMonitor monitor, PrintStream out) {
        if (monitor == null) {
            return;
        }
        try {
            long attention = monitor.check().stream().filter(s -> s.state() != CertificateStatus.State.OK).count();
            out.println("Certificates re-checked: " + attention + " need attention (holdfast:certs, holdfast:alerts)");
        } catch (HoldfastException e) {
            out.println("  note: the certificate re-check failed (" + e.describe() + "); the scheduled check will run it");
        }
    }
}

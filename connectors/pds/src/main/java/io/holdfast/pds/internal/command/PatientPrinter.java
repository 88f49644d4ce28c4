package io.holdfast.pds.internal.command;

import io.holdfast.api.model.Address;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Patient;
import io.holdfast.pds.PdsRecord;
import java.io.PrintStream;
import java.util.stream.Collectors;

/** A PDS record for the console; a restricted patient's address, telecom and GP show as withheld. */
final class PatientPrinter {
    static final String WITHHELD = "(withheld: restricted record)";

    private PatientPrinter() {
    }

    static void print(PdsRecord record, PrintStream out) {
        Patient p = record.patient();
        out.println("NHS number:  " + record.nhsNumber().formatted());
        out.println("Version:     " + record.version() + " (If-Match W/\"" + record.version() + "\")");
        out.println("Sensitivity: " + p.sensitivity());
        out.println("Name:        " + p.names().stream().map(PatientPrinter::name).collect(Collectors.joining("; ")));
        out.println("Birth date:  " + p.birthDate().map(Object::toString).orElse(""));
        out.println("Gender:      " + p.gender().name().toLowerCase(java.util.Locale.ROOT));
        if (record.restricted()) {
            out.println("Address:     " + WITHHELD);
            out.println("Telecom:     " + WITHHELD);
            out.println("GP practice: " + WITHHELD);
            return;
        }
        out.println("Address:     " + p.addresses().stream().map(PatientPrinter::address).collect(Collectors.joining("; ")));
        out.println("Telecom:     " + p.telecom().stream().map(t -> t.system() + " " + t.value()).collect(Collectors.joining("; ")));
        out.println("GP practice: " + p.gpPractice().map(g -> g.odsCode()).orElse(""));
    }

    static String name(HumanName n) {
        return String.join(" ", n.given()) + " " + n.family().toUpperCase(java.util.Locale.ROOT) + n.use().map(u -> " (" + u + ")").orElse("");
    }

    static String address(Address a) {
        return String.join(", ", a.lines()) + a.postcode().map(pc -> ", " + pc).orElse("");
    }
}

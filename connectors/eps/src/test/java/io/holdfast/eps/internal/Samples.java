package io.holdfast.eps.internal;

import io.holdfast.api.event.DispenseNotification;
import io.holdfast.api.event.MedicationItem;
import io.holdfast.api.event.Order;
import io.holdfast.api.event.OrderCategory;
import io.holdfast.api.event.OrderStatus;
import io.holdfast.api.event.OrderedMedication;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.event.PrescriptionId;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.PractitionerRef;
import io.holdfast.eps.PrescriptionIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Synthetic events (the published examples' test patient 9449304130 and practice A83008). */
public final class Samples {
    public static final String ODS = "A83008";

    private Samples() {
    }

    public static Patient patient() {
        return new Patient(List.of(Identifier.of(NhsNumber.parse("9449304130"))),
                List.of(new HumanName("TWITCHETT", List.of("STACEY"), Optional.of("MS"), Optional.of("usual"))),
                Optional.of(LocalDate.of(1948, 4, 30)), Gender.FEMALE, List.of(), List.of(), Optional.empty(), null);
    }

    public static PrescriptionId id(String seed) {
        return PrescriptionIds.derive("test|" + seed, ODS);
    }

    public static Prescription prescription(String seed, String quantity) {
        return new Prescription(id(seed), patient(), new OrganisationRef(ODS),
                Optional.of(new PractitionerRef(new Identifier("https://fhir.nhs.uk/Id/sds-user-id", "555086689106"), Optional.of("DR C BOIN"))),
                List.of(new MedicationItem("a54219b8-f741-4c47-b662-e4f8dfa49ab6", "322237000", "Paracetamol 500mg soluble tablets", quantity,
                        Optional.of("One tablet to be taken four times a day"), Optional.empty())),
                "active", Optional.of(Instant.parse("2026-12-06T09:30:00Z")));
    }

    public static Prescription cancelled(Prescription p) {
        return new Prescription(p.prescriptionId(), p.patient(), p.prescribingOrganisation(), p.prescriber(), p.items(), "cancelled", p.occurredAt());
    }

    public static DispenseNotification dispensed(Prescription p) {
        return new DispenseNotification(p.prescriptionId(), "0f3e1c2a-8b7d-4e5f-9a1b-2c3d4e5f6a7b", p.patient(), new OrganisationRef("FCG71"),
                List.of(new MedicationItem(p.items().get(0).lineItemId(), "322237000", "Paracetamol 500mg soluble tablets", "100 tablet",
                        Optional.empty(), Optional.of("dispensed"))),
                "dispensed", Optional.of(Instant.parse("2026-12-06T11:00:00Z")));
    }

    public static Order pharmacyOrder(String placerNumber, OrderStatus status) {
        OrderedMedication m = new OrderedMedication("322237000", "DMD", "Paracetamol 500mg soluble tablets", Optional.of("500"),
                Optional.of("mg"), Optional.of("TAB"), Optional.of("PO"), Optional.of("QDS"), Optional.of("100"), Optional.of("tablet"),
                Optional.empty());
        return new Order(patient(), Optional.of(Identifier.local("EPR", placerNumber)), Optional.empty(), OrderCategory.PHARMACY, status,
                "322237000", "DMD", "Paracetamol 500mg soluble tablets", Optional.of(m), Optional.empty(), Optional.empty(),
                Optional.of(new PractitionerRef(Identifier.local("EPR", "DOC1"), Optional.of("Dr Boin"))), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Instant.parse("2026-12-06T09:00:00Z")));
    }
}

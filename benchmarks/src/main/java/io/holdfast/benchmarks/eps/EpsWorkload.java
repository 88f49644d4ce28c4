package io.holdfast.benchmarks.eps;

import io.holdfast.api.event.MedicationItem;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.PractitionerRef;
import io.holdfast.eps.PrescriptionIds;
import io.holdfast.eps.internal.codec.EpsCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Prescriptions for the EPS benchmark: each a distinct clinical event (its own prescription ID derived from its key by
 * the connector, its own patient with a test-range NHS number, its own line item), encoded once, up front, by the
 * connector's EPS codec — the same bytes are the inbound FHIR message Holdfast accepts and the order body the raw
 * loop POSTs (what the dispatcher sends for the event).
 */
final class EpsWorkload {
    static final String PRESCRIBER_ODS = "A83008";
    static final EpsCodec CODEC = new EpsCodec(() -> Optional.of(PRESCRIBER_ODS));

    /** One event: its prescription ID and its message bytes. */
    record Item(String prescriptionId, byte[] message) {
    }

    private EpsWorkload() {
    }

    /** {@code count} events whose keys start with {@code side} (so the two sides never share a prescription ID). */
    static List<Item> items(String side, int count) {
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Prescription p = prescription(side, i);
            items.add(new Item(p.prescriptionId().value(), CODEC.encode(p, EpsCodec.FORMAT, new FieldTrail())));
        }
        return items;
    }

    /** Whether the encoded order carries a Provenance with a signature (EPS refuses an unsigned order). */
    static boolean signed(Item item) {
        return new String(item.message(), StandardCharsets.UTF_8).contains("\"Provenance\"");
    }

    static Prescription prescription(String side, int i) {
        String key = "bench|" + side + "|" + i;
        String item = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        return new Prescription(PrescriptionIds.derive(key, PRESCRIBER_ODS), patient(side.hashCode() * 31L + i), new OrganisationRef(PRESCRIBER_ODS),
                Optional.of(new PractitionerRef(new Identifier("https://fhir.nhs.uk/Id/sds-user-id", "555086689106"), Optional.of("DR C BOIN"))),
                List.of(new MedicationItem(item, "322237000", "Paracetamol 500mg soluble tablets", "100 tablet",
                        Optional.of("One tablet to be taken four times a day"), Optional.empty())),
                "active", Optional.of(Instant.parse("2026-12-06T09:30:00Z")));
    }

    private static Patient patient(long seed) {
        return new Patient(List.of(Identifier.of(NhsNumber.parse(nhsNumber(seed)))),
                List.of(new HumanName("XXTESTPATIENT-BENCH", List.of("DONOTUSE"), Optional.of("MR"), Optional.of("usual"))),
                Optional.of(LocalDate.of(1960, 1, 1).plusDays(Math.floorMod(seed, 20_000))), Gender.MALE, List.of(), List.of(), Optional.empty(), null);
    }

    /** A Modulus 11 valid NHS number in the 999 test range, varied by {@code seed}. */
    static String nhsNumber(long seed) {
        for (long n = Math.floorMod(seed * 7919, 10_000_000L); ; n = (n + 1) % 10_000_000L) {
            String body = "99" + String.format("%07d", n);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (body.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return body + check;
            }
        }
    }
}

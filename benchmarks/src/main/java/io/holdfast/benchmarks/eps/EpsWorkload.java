package io.holdfast.benchmarks.eps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.holdfast.eps.PrescriberSignature;
import io.holdfast.eps.PrescriptionIds;
import io.holdfast.eps.internal.codec.EpsCodec;
import io.holdfast.eps.internal.codec.PrescriptionBundles;
import io.holdfast.eps.internal.codec.Signatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prescriptions for the EPS benchmark: each a distinct clinical event (its own prescription ID derived from its key by
 * the connector, its own patient with a test-range NHS number, its own line item), made up front as the prescriber's
 * system would: the connector's prescription-order message ({@code PrescriptionBundles.message}), {@code $prepare} at
 * the simulator for the digest, and a Provenance with the XML-DSig ({@code Signatures.signed}). The signature value and
 * certificate are synthetic (nothing in the benchmark verifies signatures; EPS's check is not simulated). The same
 * signed bytes are the inbound FHIR message Holdfast accepts and pass through unchanged (target format OPAQUE), and
 * the order body the raw loop POSTs.
 */
final class EpsWorkload {
    static final String PRESCRIBER_ODS = "A83008";
    static final EpsCodec CODEC = new EpsCodec(() -> Optional.of(PRESCRIBER_ODS));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYNTHETIC_CERTIFICATE = Base64.getEncoder().encodeToString(
            "synthetic certificate: benchmark only".getBytes(StandardCharsets.UTF_8));
    private static final Instant SIGNED_AT = Instant.parse("2026-12-06T09:31:00Z");

    /** One event: its prescription ID and its message bytes. */
    record Item(String prescriptionId, byte[] message) {
    }

    private EpsWorkload() {
    }

    /**
     * {@code count} signed orders whose keys start with {@code side} (so the sides never share a prescription ID), made
     * by {@code threads} threads ($prepare is a call to the simulator at {@code fhirBase}).
     */
    static List<Item> items(String side, int count, String fhirBase, int threads) throws Exception {
        Item[] items = new Item[count];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                all.add(pool.submit(() -> {
                    items[n] = signed(http, fhirBase, prescription(side, n));
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(items);
    }

    private static Item signed(HttpClient http, String fhirBase, Prescription p) throws Exception {
        ObjectNode bundle = PrescriptionBundles.message(p, new FieldTrail());
        HttpResponse<byte[]> prepared = http.send(HttpRequest.newBuilder(URI.create(fhirBase + "/$prepare"))
                .header("Content-Type", "application/fhir+json").header("X-Request-ID", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(bundle))).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (prepared.statusCode() != 200) {
            throw new IllegalStateException("$prepare answered " + prepared.statusCode() + ": " + new String(prepared.body(), StandardCharsets.UTF_8));
        }
        String digest = "";
        for (JsonNode parameter : JSON.readTree(prepared.body()).path("parameter")) {
            if ("digest".equals(parameter.path("name").asText())) {
                digest = parameter.path("valueString").asText();
            }
        }
        String signature = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(digest.getBytes(StandardCharsets.UTF_8)));
        ObjectNode signed = Signatures.signed(bundle, new PrescriberSignature(digest, signature, SYNTHETIC_CERTIFICATE, SIGNED_AT));
        return new Item(p.prescriptionId().value(), JSON.writeValueAsBytes(signed));
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

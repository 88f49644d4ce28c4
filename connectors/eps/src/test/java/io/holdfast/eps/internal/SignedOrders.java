package io.holdfast.eps.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.eps.internal.codec.Json;
import io.holdfast.eps.internal.codec.PrescriptionBundles;
import io.holdfast.eps.internal.codec.Signatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The prescriber's system in tests: $prepare at the simulator, sign the digest, put the XML-DSig in a Provenance. */
public final class SignedOrders {
    private final String fhirBase;
    private final TestSigner signer;
    private final HttpClient http = HttpClient.newHttpClient();

    public SignedOrders(String fhirBase) throws Exception {
        this.fhirBase = fhirBase;
        this.signer = new TestSigner();
    }

    public byte[] signed(Prescription p) throws Exception {
        var bundle = PrescriptionBundles.message(p, new FieldTrail());
        HttpResponse<String> prepared = http.send(HttpRequest.newBuilder(URI.create(fhirBase + "/$prepare"))
                .header("Content-Type", "application/fhir+json").header("X-Request-ID", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(bundle))).build(), HttpResponse.BodyHandlers.ofString());
        if (prepared.statusCode() != 200) {
            throw new IllegalStateException("$prepare answered " + prepared.statusCode() + ": " + prepared.body());
        }
        String digest = "";
        for (JsonNode param : Json.MAPPER.readTree(prepared.body()).path("parameter")) {
            if ("digest".equals(param.path("name").asText())) {
                digest = param.path("valueString").asText();
            }
        }
        var signed = Signatures.signed(bundle, signer.sign(digest, Instant.parse("2026-12-06T09:31:00Z")));
        return Json.MAPPER.writeValueAsString(signed).getBytes(StandardCharsets.UTF_8);
    }
}

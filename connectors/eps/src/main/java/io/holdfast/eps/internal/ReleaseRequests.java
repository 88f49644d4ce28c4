package io.holdfast.eps.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.eps.ReleaseResult;
import io.holdfast.eps.internal.codec.EpsBundleReader;
import io.holdfast.eps.internal.codec.EpsFhir;
import io.holdfast.eps.internal.codec.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Task/$release}: the request Parameters ({@code owner} = the pharmacy Organization by ODS code, {@code status}
 * = {@code accepted}, and {@code group-identifier} = the short-form id for one prescription, as
 * {@code 1-Task-Request-Release-200_OK.json}; without it, a nominated download) and the answer, a Bundle
 * whose entries are the released prescription-order message bundles, read into canonical prescriptions.
 */
final class ReleaseRequests {
    private ReleaseRequests() {
    }

    static ObjectNode parameters(String pharmacyOds, java.util.Optional<io.holdfast.api.event.PrescriptionId> prescription) {
        ObjectNode params = Json.object().put("resourceType", "Parameters");
        ObjectNode owner = params.putArray("parameter").addObject().put("name", "owner");
        ObjectNode org = owner.putObject("resource").put("resourceType", "Organization");
        org.putArray("identifier").add(Json.identifier(EpsFhir.ODS, pharmacyOds));
        params.withArray("parameter").addObject().put("name", "status").put("valueCode", "accepted");
        prescription.ifPresent(id -> params.withArray("parameter").addObject().put("name", "group-identifier")
                .set("valueIdentifier", Json.identifier(EpsFhir.SHORT_FORM, id.value())));
        return params;
    }

    static ReleaseResult read(String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return new ReleaseResult.Released(List.of(), 1);
        }
        List<Prescription> out = new ArrayList<>();
        int unreadable = 0;
        for (JsonNode e : root.path("entry")) {
            JsonNode r = e.path("resource");
            if (!"Bundle".equals(r.path("resourceType").asText())) {
                continue;
            }
            try {
                ClinicalEvent event = EpsBundleReader.read(r, new FieldTrail());
                if (event instanceof Prescription p) {
                    out.add(p);
                } else {
                    unreadable++;
                }
            } catch (RuntimeException ex) {
                unreadable++;
            }
        }
        return new ReleaseResult.Released(out, unreadable);
    }
}

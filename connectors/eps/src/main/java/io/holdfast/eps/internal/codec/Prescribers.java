package io.holdfast.eps.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.PractitionerRef;
import java.util.Optional;

/** PractitionerRole, Practitioner and Organization of the prescriber, as the published prescription-order examples carry them. */
final class Prescribers {
    private Prescribers() {
    }

    static void add(ArrayNode entries, StableIds ids, Prescription p, String roleUrn, FieldTrail trail) {
        String practitionerUrn = ids.urn("practitioner");
        String organisationUrn = ids.urn("organization");
        ObjectNode role = Json.entry(entries, roleUrn, Json.object().put("resourceType", "PractitionerRole"));
        p.prescriber().ifPresent(who -> role.putArray("identifier").add(Json.identifier(who.identifier().system(), who.identifier().value())));
        role.set("practitioner", Json.reference(practitionerUrn));
        role.set("organization", Json.reference(organisationUrn));
        ObjectNode practitioner = Json.entry(entries, practitionerUrn, Json.object().put("resourceType", "Practitioner"));
        p.prescriber().ifPresent(who -> {
            practitioner.putArray("identifier").add(Json.identifier(who.identifier().system(), who.identifier().value()));
            who.display().ifPresent(d -> practitioner.putArray("name").addObject().put("text", d));
            trail.outbound("prescription.prescriber", "Practitioner.identifier", who.identifier().system());
        });
        ObjectNode organisation = Json.entry(entries, organisationUrn, Json.object().put("resourceType", "Organization"));
        organisation.putArray("identifier").add(Json.identifier(EpsFhir.ODS, p.prescribingOrganisation().odsCode()));
    }

    static Optional<PractitionerRef> read(JsonNode practitioner) {
        JsonNode id = practitioner.path("identifier").path(0);
        if (id.isMissingNode() || id.path("value").asText("").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PractitionerRef(new Identifier(id.path("system").asText(), id.path("value").asText()),
                Json.text(practitioner.path("name").path(0).path("text"))));
    }
}

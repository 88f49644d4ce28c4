package io.holdfast.eps.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The patient of a prescription message: identifiers (the NHS number first), names, gender and birth date. Address
 * and telecom are not sent: EPS takes them from PDS by the NHS number (see README, "Approximated").
 */
final class Patients {
    private Patients() {
    }

    static ObjectNode resource(Patient patient, FieldTrail trail, String at) {
        ObjectNode r = Json.object().put("resourceType", "Patient");
        ArrayNode ids = r.putArray("identifier");
        ids.add(Json.identifier(patient.primaryIdentifier().system(), patient.primaryIdentifier().value()));
        trail.outbound(at + ".primaryIdentifier", "Patient.identifier", patient.primaryIdentifier().isNhsNumber() ? "nhs-number" : "local");
        ArrayNode names = r.putArray("name");
        for (HumanName n : patient.names()) {
            ObjectNode name = names.addObject();
            n.use().ifPresent(u -> name.put("use", u));
            name.put("family", n.family());
            ArrayNode given = name.putArray("given");
            n.given().forEach(given::add);
            n.prefix().ifPresent(p -> name.putArray("prefix").add(p));
        }
        r.put("gender", patient.gender().name().toLowerCase(Locale.ROOT));
        patient.birthDate().ifPresent(d -> r.put("birthDate", d.toString()));
        return r;
    }

    static Optional<Patient> read(JsonNode r, FieldTrail trail, String at) {
        List<Identifier> ids = new ArrayList<>();
        for (JsonNode i : r.path("identifier")) {
            String system = i.path("system").asText();
            String value = i.path("value").asText();
            if (!value.isEmpty()) {
                ids.add(new Identifier(system, value));
            }
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<HumanName> names = new ArrayList<>();
        for (JsonNode n : r.path("name")) {
            List<String> given = new ArrayList<>();
            n.path("given").forEach(g -> given.add(g.asText()));
            names.add(new HumanName(n.path("family").asText(""), given, Json.text(n.path("prefix").path(0)), Json.text(n.path("use"))));
        }
        Gender gender = switch (r.path("gender").asText("unknown")) {
            case "male" -> Gender.MALE;
            case "female" -> Gender.FEMALE;
            case "other" -> Gender.OTHER;
            default -> Gender.UNKNOWN;
        };
        Optional<LocalDate> birth = Json.text(r.path("birthDate")).map(LocalDate::parse);
        trail.inbound("Patient.identifier", at + ".identifiers", ids.size() + " identifier(s)");
        return Optional.of(new Patient(ids, names, birth, gender, List.of(), List.of(), Optional.empty(), null));
    }
}

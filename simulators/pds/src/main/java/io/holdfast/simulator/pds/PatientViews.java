package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * What a caller sees of a stored record. Retrieval of a restricted (R) or very restricted (V) patient
 * omits {@code address}, {@code telecom} and {@code generalPractitioner} (patient-get.yaml, Meta.yaml);
 * a search result also omits {@code contact} for them, and for everyone keeps only the usual, nickname
 * and temporary names, the home address, and no place of birth, pharmacies, communication or contact
 * preferences (patient-search.yaml, "Patient data returned").
 */
final class PatientViews {
    private static final Set<String> RESTRICTED_CODES = Set.of("R", "V");
    private static final Set<String> SEARCH_NAME_USES = Set.of("usual", "nickname", "temp");
    private static final Set<String> SEARCH_DROPPED_EXTENSIONS = Set.of("patient-birthPlace", "NominatedPharmacy",
            "DispensingDoctor", "MedicalApplianceSupplier", "NHSCommunication", "ContactPreference");

    private PatientViews() {
    }

    static String securityCode(JsonNode record) {
        JsonNode security = record.path("meta").path("security");
        return security.isArray() && !security.isEmpty() ? security.get(0).path("code").asText("U") : "U";
    }

    static boolean restricted(JsonNode record) {
        return RESTRICTED_CODES.contains(securityCode(record));
    }

    static ObjectNode retrieval(ObjectNode record) {
        ObjectNode view = record.deepCopy();
        if (restricted(record)) {
            view.remove(Set.of("address", "telecom", "generalPractitioner"));
        }
        return view;
    }

    static ObjectNode search(ObjectNode record) {
        ObjectNode view = record.deepCopy();
        if (restricted(record)) {
            view.remove(Set.of("address", "telecom", "generalPractitioner", "contact"));
        }
        keepOnly(view, "name", n -> SEARCH_NAME_USES.contains(n.path("use").asText("usual")));
        keepOnly(view, "address", a -> a.path("use").asText("home").equals("home"));
        keepOnly(view, "extension", e -> SEARCH_DROPPED_EXTENSIONS.stream().noneMatch(e.path("url").asText()::endsWith));
        view.remove("communication");
        return view;
    }

    private static void keepOnly(ObjectNode view, String field, java.util.function.Predicate<JsonNode> keep) {
        if (!(view.get(field) instanceof ArrayNode items)) {
            return;
        }
        ArrayNode kept = items.arrayNode();
        items.forEach(item -> {
            if (keep.test(item)) {
                kept.add(item);
            }
        });
        if (kept.isEmpty()) {
            view.remove(field);
        } else {
            view.set(field, kept);
        }
    }
}

package io.holdfast.eps.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;

/** Small builders and readers of FHIR JSON on Jackson's tree (field order is insertion order, so output is stable). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ObjectNode coding(String system, String code, String display) {
        ObjectNode c = object().put("system", system).put("code", code);
        if (display != null && !display.isBlank()) {
            c.put("display", display);
        }
        return c;
    }

    public static ObjectNode concept(ObjectNode coding) {
        ObjectNode cc = object();
        cc.putArray("coding").add(coding);
        return cc;
    }

    public static ObjectNode identifier(String system, String value) {
        return object().put("system", system).put("value", value);
    }

    public static ObjectNode reference(String ref) {
        return object().put("reference", ref);
    }

    public static ObjectNode identifierReference(String system, String value) {
        ObjectNode r = object();
        r.set("identifier", identifier(system, value));
        return r;
    }

    public static ObjectNode entry(ArrayNode entries, String fullUrl, ObjectNode resource) {
        ObjectNode e = entries.addObject();
        e.put("fullUrl", fullUrl);
        e.set("resource", resource);
        return resource;
    }

    /** {@code "100 tablet"} as a FHIR quantity (value 100, unit tablet); a text without a leading number as unit only. */
    public static ObjectNode quantity(String text) {
        ObjectNode q = object();
        String t = text == null ? "" : text.trim();
        int space = t.indexOf(' ');
        String number = space < 0 ? t : t.substring(0, space);
        try {
            q.put("value", new BigDecimal(number));
            if (space > 0) {
                q.put("unit", t.substring(space + 1).trim());
            }
        } catch (NumberFormatException e) {
            q.put("unit", t);
        }
        return q;
    }

    public static String quantityText(JsonNode q) {
        if (q == null || q.isMissingNode()) {
            return "";
        }
        String value = q.path("value").isMissingNode() ? "" : q.path("value").decimalValue().stripTrailingZeros().toPlainString();
        String unit = q.path("unit").asText("");
        return (value + " " + unit).trim();
    }

    public static Optional<String> text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? Optional.empty() : Optional.of(node.asText());
    }

    /** The value of the first identifier in {@code identifiers} with {@code system}. */
    public static Optional<String> identifierValue(JsonNode identifiers, String system) {
        for (JsonNode i : identifiers) {
            if (system.equals(i.path("system").asText())) {
                return text(i.path("value"));
            }
        }
        return Optional.empty();
    }
}

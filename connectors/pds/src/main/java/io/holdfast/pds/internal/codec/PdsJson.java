package io.holdfast.pds.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The envelope of PDS answers as JSON trees: resource type, id and version, the OperationOutcome's Spine error code,
 * the searchset's entries and scores, and the removal of the fields PDS withholds for restricted patients. Mapping a
 * Patient to the canonical model is {@link PatientMapping}'s (holdfast-lib-fhir's codec), not this class's.
 */
public final class PdsJson {
    public static final String SPINE_ERROR_SYSTEM = "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";
    /** What PDS removes from restricted records, and what never leaves this connector for them. */
    static final List<String> RESTRICTED_FIELDS = List.of("address", "telecom", "generalPractitioner", "contact");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PdsJson() {
    }

    /** The parsed body, or empty if it is not a JSON object. */
    public static Optional<JsonNode> parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static String resourceType(JsonNode resource) {
        return resource.path("resourceType").asText("");
    }

    public static String id(JsonNode resource) {
        return resource.path("id").asText("");
    }

    /** {@code meta.versionId}, else the {@code ETag} ({@code W/"n"}). */
    public static OptionalInt version(JsonNode resource, Optional<String> etag) {
        String text = resource.path("meta").path("versionId").asText("");
        if (text.isEmpty() && etag.isPresent()) {
            text = etag.get().replace("W/", "").replace("\"", "").trim();
        }
        try {
            return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The first issue's Spine error code and diagnostics of an OperationOutcome. */
    public static Optional<Outcome> outcome(JsonNode resource) {
        if (!"OperationOutcome".equals(resourceType(resource))) {
            return Optional.empty();
        }
        JsonNode issue = resource.path("issue").path(0);
        String code = "";
        for (JsonNode coding : issue.path("details").path("coding")) {
            if (code.isEmpty() || SPINE_ERROR_SYSTEM.equals(coding.path("system").asText())) {
                code = coding.path("code").asText("");
            }
        }
        if (code.isEmpty()) {
            code = issue.path("code").asText("UNKNOWN").toUpperCase(java.util.Locale.ROOT);
        }
        return Optional.of(new Outcome(code, issue.path("diagnostics").asText(issue.path("details").path("text").asText(""))));
    }

    /** Each searchset entry's resource and {@code search.score} (0 when absent). */
    public static List<Entry> entries(JsonNode bundle) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : bundle.path("entry")) {
            out.add(new Entry(e.path("resource"), e.path("search").path("score").asDouble(0)));
        }
        return out;
    }

    /** A copy without address, telecom, GP and contacts: the only form of a restricted record kept anywhere. */
    public static JsonNode withoutRestrictedFields(JsonNode resource) {
        ObjectNode copy = resource.deepCopy();
        RESTRICTED_FIELDS.forEach(copy::remove);
        return copy;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serialises", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public record Outcome(String code, String diagnostics) {
    }

    public record Entry(JsonNode resource, double score) {
    }
}

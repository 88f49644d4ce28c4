package io.holdfast.simulator.eps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reading the FHIR message Bundles the API takes ({@code type} {@code message}, the MessageHeader first, its
 * {@code eventCoding} from {@code https://fhir.nhs.uk/CodeSystem/message-event} choosing what happens), as the
 * examples under examples/ show them. Structural errors are the API-wide codes.
 */
final class MessageBundles {
    static final String MESSAGE_EVENT = "https://fhir.nhs.uk/CodeSystem/message-event";
    static final String ORDER_NUMBER = "https://fhir.nhs.uk/Id/prescription-order-number";
    static final String ITEM_NUMBER = "https://fhir.nhs.uk/Id/prescription-order-item-number";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String GROUP_IDENTIFIER_EXTENSION = "https://fhir.nhs.uk/StructureDefinition/Extension-DM-GroupIdentifier";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageBundles() {
    }

    /** The body as a JSON object of {@code resourceType} {@code expected}; 400 BAD_REQUEST / INCORRECT_RESOURCETYPE otherwise. */
    static ObjectNode parse(byte[] body, String expected) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw EpsError.badRequest("Request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw EpsError.badRequest("Request body must be a FHIR resource (a JSON object)");
        }
        String type = node.path("resourceType").asText("");
        if (!expected.equals(type)) {
            throw EpsError.incorrectResourceType("Incorrect FHIR resource type. Expected " + expected + (type.isEmpty() ? "" : ", got " + type));
        }
        return (ObjectNode) node;
    }

    /** The message Bundle's event code, after the structural checks a message must pass. */
    static String messageEvent(ObjectNode bundle) {
        if (!"message".equals(bundle.path("type").asText())) {
            throw EpsError.invalidValue("Bundle.type must be 'message'");
        }
        if (!bundle.path("entry").isArray() || bundle.path("entry").isEmpty()) {
            throw EpsError.missingField("ResourceType Bundle must contain 'entry' field");
        }
        List<JsonNode> headers = resources(bundle, "MessageHeader");
        if (headers.size() != 1) {
            throw EpsError.missingField("Bundle must contain exactly one MessageHeader");
        }
        JsonNode coding = headers.get(0).path("eventCoding");
        String code = coding.path("code").asText("");
        if (code.isEmpty()) {
            throw EpsError.missingField("MessageHeader.eventCoding.code");
        }
        if (!MESSAGE_EVENT.equals(coding.path("system").asText())) {
            throw EpsError.invalidValue("MessageHeader.eventCoding.system must be " + MESSAGE_EVENT);
        }
        return code;
    }

    static JsonNode messageHeader(ObjectNode bundle) {
        return resources(bundle, "MessageHeader").get(0);
    }

    static List<JsonNode> resources(JsonNode bundle, String resourceType) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            if (resourceType.equals(entry.path("resource").path("resourceType").asText())) {
                found.add(entry.path("resource"));
            }
        }
        return found;
    }

    /** The one prescription ID every MedicationRequest names in {@code groupIdentifier.value}. */
    static String prescriptionId(List<JsonNode> medicationRequests) {
        String id = null;
        for (JsonNode request : medicationRequests) {
            String value = request.path("groupIdentifier").path("value").asText("");
            if (value.isEmpty()) {
                throw EpsError.missingField("MedicationRequest.groupIdentifier.value");
            }
            if (id != null && !id.equals(value)) {
                throw EpsError.invalidValue("MedicationRequest.groupIdentifier must be the same in every MedicationRequest");
            }
            id = value;
        }
        return id;
    }

    /** The short-form ID in an Extension-DM-GroupIdentifier's {@code shortForm} (dispense notification, Claim). */
    static Optional<String> groupIdentifierShortForm(JsonNode element) {
        for (JsonNode extension : element.path("extension")) {
            if (GROUP_IDENTIFIER_EXTENSION.equals(extension.path("url").asText())) {
                for (JsonNode part : extension.path("extension")) {
                    if ("shortForm".equals(part.path("url").asText())) {
                        return Optional.of(part.path("valueIdentifier").path("value").asText("")).filter(v -> !v.isEmpty());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first identifier of {@code system} on a resource. */
    static Optional<String> identifier(JsonNode resource, String system) {
        for (JsonNode identifier : resource.path("identifier")) {
            if (system.equals(identifier.path("system").asText())) {
                return Optional.of(identifier.path("value").asText(""));
            }
        }
        return Optional.empty();
    }

    /**
     * The order's content for duplicate comparison: the Bundle without {@code id}, {@code identifier} (the message's
     * own id: "The X-Request ID for the message"), {@code meta} and {@code timestamp}, keys sorted.
     */
    static String contentDigest(ObjectNode bundle) {
        ObjectNode content = bundle.deepCopy();
        content.remove(List.of("id", "identifier", "meta", "timestamp"));
        return HexFormat.of().formatHex(CanonicalJson.sha256(CanonicalJson.bytes(content)));
    }

    /** Modulus 11 (NHS number check digit), for FAILURE_TO_PROCESS_MESSAGE "an invalid NHS number". */
    static boolean validNhsNumber(String nhsNumber) {
        if (!nhsNumber.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nhsNumber.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == nhsNumber.charAt(9) - '0';
    }
}

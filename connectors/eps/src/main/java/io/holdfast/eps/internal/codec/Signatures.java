package io.holdfast.eps.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.eps.PrescriberSignature;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Steps 3-5 of "To create a prescription" in the EPS specification: the XML-DSig assembled from the {@code $prepare}
 * digest, the signature value and the certificate (as the specification's {@code toXmlSignature} example: the
 * SignedInfo without its namespace declaration inside {@code <Signature xmlns="http://www.w3.org/2000/09/xmldsig#">}),
 * base64-encoded into a Provenance whose targets are the message's MedicationRequests and whose agent is the
 * requester. Nothing is signed here.
 */
public final class Signatures {
    private static final String SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013";

    private Signatures() {
    }

    public static String xmlDsig(PrescriberSignature s) {
        String signedInfo = new String(Base64.getDecoder().decode(s.digest()), StandardCharsets.UTF_8)
                .replace("<SignedInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">", "<SignedInfo>");
        String xml = "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">" + signedInfo + "<SignatureValue>" + s.signature()
                + "</SignatureValue><KeyInfo><X509Data><X509Certificate>" + s.certificate() + "</X509Certificate></X509Data></KeyInfo></Signature>";
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code bundle} (a prescription-order message) with a Provenance carrying the signature appended. */
    public static ObjectNode signed(ObjectNode bundle, PrescriberSignature s) {
        ObjectNode copy = bundle.deepCopy();
        ArrayNode entries = (ArrayNode) copy.path("entry");
        ObjectNode provenance = Json.object().put("resourceType", "Provenance");
        ArrayNode targets = provenance.putArray("target");
        String requester = "";
        for (JsonNode e : entries) {
            if ("MedicationRequest".equals(e.path("resource").path("resourceType").asText())) {
                targets.add(Json.reference(e.path("fullUrl").asText()));
                requester = e.path("resource").path("requester").path("reference").asText(requester);
            }
        }
        provenance.put("recorded", s.signedAt().toString());
        provenance.putArray("agent").addObject().set("who", Json.reference(requester));
        ObjectNode signature = provenance.putArray("signature").addObject();
        signature.putArray("type").add(Json.object().put("system", SIGNATURE_TYPE).put("code", "1.2.840.10065.1.12.1.1"));
        signature.put("when", s.signedAt().toString());
        signature.set("who", Json.reference(requester));
        signature.put("data", xmlDsig(s));
        String id = java.util.UUID.nameUUIDFromBytes(("provenance|" + copy.path("id").asText()).getBytes(StandardCharsets.UTF_8)).toString();
        provenance.put("id", id);
        Json.entry(entries, "urn:uuid:" + id, provenance);
        return copy;
    }
}

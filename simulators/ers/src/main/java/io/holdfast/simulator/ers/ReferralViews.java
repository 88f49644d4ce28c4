package io.holdfast.simulator.ers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * STU3 wire JSON in the shapes of the published sandbox's responses: an eRS-ReferralRequest-1
 * (acceptReferral/responses/ExampleResponse.json) and an eRS-FetchWorklist-List-1
 * (retrieveWorklist/responses/ReferralsForReview.json).
 */
final class ReferralViews {
    static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    static final String CS = "https://fhir.nhs.uk/STU3/CodeSystem/";
    static final String NHS_NUMBER_SYSTEM = "http://fhir.nhs.net/Id/nhs-number";
    static final String SERVICE_SYSTEM = "http://fhir.nhs.net/Id/ers-service";
    static final String SPECIALTY_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/SPECIALTY";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ReferralViews() {
    }

    static ObjectNode referralRequest(Referral r) {
        ObjectNode rr = F.objectNode().put("id", r.ubrn());
        ObjectNode meta = rr.putObject("meta").put("versionId", String.valueOf(r.version()));
        meta.putArray("profile").add(SD + "eRS-ReferralRequest-1");
        rr.put("resourceType", "ReferralRequest");
        ArrayNode ext = rr.putArray("extension");
        ext.addObject().put("url", SD + "Extension-eRS-ReferralPriority-1").putObject("valueCodeableConcept").putArray("coding")
                .addObject().put("system", CS + "eRS-Priority-1").put("code", r.priority());
        ObjectNode state = ext.addObject().put("url", SD + "Extension-eRS-ReferralState-1");
        ArrayNode stateExt = state.putArray("extension");
        stateExt.addObject().put("url", "state").putObject("valueCoding").put("system", ReferralState.SYSTEM).put("code", r.state().name())
                .put("display", r.state().display());
        r.outcomeComment().ifPresent(c -> stateExt.addObject().put("url", "comment").put("valueString", c));
        ArrayNode contained = rr.putArray("contained");
        ArrayNode supportingInfo = F.arrayNode();
        for (Attachment a : r.attachments()) {
            contained.add(documentReference(a));
            supportingInfo.addObject().put("reference", "#DocumentReference-" + a.id());
        }
        rr.put("status", "active");
        rr.putObject("specialty").putArray("coding").addObject().put("system", SPECIALTY_SYSTEM).put("code", r.specialty());
        rr.putObject("subject").putObject("identifier").put("system", NHS_NUMBER_SYSTEM).put("value", r.nhsNumber());
        rr.putArray("recipient").addObject().put("display", r.serviceName()).putObject("identifier").put("system", SERVICE_SYSTEM)
                .put("value", r.serviceId());
        if (!supportingInfo.isEmpty()) {
            rr.set("supportingInfo", supportingInfo);
        }
        rr.put("intent", "plan");
        return rr;
    }

    private static ObjectNode documentReference(Attachment a) {
        ObjectNode doc = F.objectNode().put("id", "DocumentReference-" + a.id());
        doc.putObject("meta").putArray("profile").add(SD + "eRS-DocumentReference-1");
        doc.put("resourceType", "DocumentReference");
        doc.putObject("type").putArray("coding").addObject().put("system", CS + "eRS-AttachmentType-1").put("code", "REFERRER")
                .put("display", "Referrer");
        doc.put("status", "current").put("indexed", a.created() + "T00:00:00.000Z").put("description", a.title());
        doc.putArray("content").addObject().putObject("attachment").put("id", a.id()).put("contentType", a.contentType())
                .put("url", "Binary/" + a.id()).put("size", a.content().length).put("title", a.title()).put("creation", a.created().toString());
        return doc;
    }

    static ObjectNode worklist(List<Referral> items) {
        ObjectNode list = F.objectNode();
        list.putObject("meta").putArray("profile").add(SD + "eRS-FetchWorklist-List-1");
        list.put("resourceType", "List");
        ArrayNode contained = list.putArray("contained");
        list.put("status", "current").put("mode", "snapshot");
        ArrayNode entries = list.putArray("entry");
        for (Referral r : items) {
            String patientId = "Patient-" + r.nhsNumber();
            if (contained.findValues("id").stream().noneMatch(id -> id.asText().equals(patientId))) {
                ObjectNode patient = contained.addObject().put("id", patientId);
                patient.putObject("meta").putArray("profile").add(SD + "eRS-Patient-1");
                patient.put("resourceType", "Patient").putArray("identifier").addObject().put("system", NHS_NUMBER_SYSTEM)
                        .put("value", r.nhsNumber());
            }
            entries.add(worklistEntry(r, patientId));
        }
        return list;
    }

    private static ObjectNode worklistEntry(Referral r, String patientId) {
        ObjectNode entry = F.objectNode();
        ObjectNode item = entry.putArray("extension").addObject();
        ArrayNode ext = item.putArray("extension");
        ext.addObject().put("url", "priority").putObject("valueCodeableConcept").putArray("coding").addObject()
                .put("system", CS + "eRS-Priority-1").put("code", r.priority());
        ext.addObject().put("url", "specialty").putObject("valueCodeableConcept").putArray("coding").addObject()
                .put("system", SPECIALTY_SYSTEM).put("code", r.specialty());
        ext.addObject().put("url", "patient").putObject("valueReference").put("reference", "#" + patientId);
        ext.addObject().put("url", "referralType").putObject("valueCodeableConcept").putArray("coding").addObject()
                .put("system", CS + "eRS-ReferralType-1").put("code", r.type() == ReferralType.TRIAGE ? "TRIAGE" : "APPOINTMENT");
        ext.addObject().put("url", "service").putObject("valueReference").put("display", r.serviceName()).putObject("identifier")
                .put("system", SERVICE_SYSTEM).put("value", r.serviceId());
        ext.addObject().put("url", "referralRequestVersion").put("valueInteger", r.version());
        item.put("url", SD + "Extension-eRS-ReferralsforReview-WorkListItem-1");
        entry.putObject("item").put("reference", "ReferralRequest/" + r.ubrn());
        return entry;
    }
}

package io.holdfast.eps.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.eps.internal.codec.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The issues of an EPS OperationOutcome ({@code issue[].severity}, {@code code}, {@code details.coding} of
 * {@code Spine-ErrorOrWarningCode}, {@code diagnostics}), or of the OperationOutcome inside a response Bundle.
 */
public record Issues(List<Issue> list) {
    public static final String DUPLICATE_PRESCRIPTION_ID = "DUPLICATE_PRESCRIPTION_ID";

    public record Issue(String severity, String code, String spineCode, String display, String diagnostics) {
        String text() {
            String what = spineCode.isEmpty() ? code : spineCode;
            String words = !display.isEmpty() ? display : diagnostics;
            return severity + " " + what + (words.isEmpty() ? "" : " (" + words + ")");
        }
    }

    public static Issues of(byte[] body) {
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            return root == null ? new Issues(List.of()) : of(root);
        } catch (IOException e) {
            return new Issues(List.of());
        }
    }

    static Issues of(JsonNode root) {
        if ("Bundle".equals(root.path("resourceType").asText())) {
            for (JsonNode e : root.path("entry")) {
                if ("OperationOutcome".equals(e.path("resource").path("resourceType").asText())) {
                    return of(e.path("resource"));
                }
            }
            return new Issues(List.of());
        }
        List<Issue> out = new ArrayList<>();
        for (JsonNode i : root.path("issue")) {
            JsonNode coding = i.path("details").path("coding").path(0);
            out.add(new Issue(i.path("severity").asText(""), i.path("code").asText(""), coding.path("code").asText(""),
                    coding.path("display").asText(i.path("details").path("text").asText("")), i.path("diagnostics").asText("")));
        }
        return new Issues(out);
    }

    /**
     * EPS refused a prescription-order because the prescription id is already known. The code is
     * {@code DUPLICATE_PRESCRIPTION_ID} (Spine-ErrorOrWarningCode); the published example
     * {@code SendErrorDuplicatePrescriptionResponse.yaml} shows issue code {@code duplicate} with Spine code {@code 0002}
     * "Duplicate prescription ID exists": both are recognised.
     */
    public boolean duplicatePrescription() {
        return list.stream().anyMatch(i -> DUPLICATE_PRESCRIPTION_ID.equals(i.spineCode())
                || "duplicate".equals(i.code()) && i.display().toLowerCase(Locale.ROOT).contains("duplicate prescription")
                || "duplicate".equals(i.code()) && "0002".equals(i.spineCode()));
    }

    /** The first issue's Spine code (or FHIR code), for results and metrics. */
    public String firstCode() {
        return list.isEmpty() ? "" : list.get(0).spineCode().isEmpty() ? list.get(0).code() : list.get(0).spineCode();
    }

    /** {@code error DUPLICATE_PRESCRIPTION_ID (Duplicate prescription ID exists); ...} or {@code no OperationOutcome issues}. */
    public String summary() {
        return list.isEmpty() ? "no OperationOutcome issues" : list.stream().map(Issue::text).collect(Collectors.joining("; "));
    }
}

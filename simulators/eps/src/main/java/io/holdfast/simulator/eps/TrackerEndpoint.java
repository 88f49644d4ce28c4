package io.holdfast.simulator.eps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /FHIR/R4/Task}: "search for summary details about a prescription" (tag tracker). At least one of
 * {@code identifier} / {@code focus:identifier} (a short-form prescription ID) or {@code patient:identifier} (an NHS
 * number); optionally {@code business-status} and {@code authored-on} ({@code eq|ge|le} + yyyy-mm-dd, repeatable).
 * Answers a {@code searchset} Bundle of Tasks whose {@code businessStatus} is the prescription's state.
 */
final class TrackerEndpoint {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> PARAMETERS = Set.of("identifier", "focus:identifier", "patient:identifier", "business-status", "authored-on");
    private static final Pattern DATE = Pattern.compile("^(eq|ge|le)(\\d{4}-\\d{2}-\\d{2})$");
    private final PrescriptionStore store;
    private final EpsCounters counters;

    TrackerEndpoint(PrescriptionStore store, EpsCounters counters) {
        this.store = store;
        this.counters = counters;
    }

    EpsReply search(Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw EpsError.invalidValue("Unsupported query parameter '" + name + "'");
            }
        }
        String id = first(query, "identifier").orElse(first(query, "focus:identifier").orElse(""));
        String nhsNumber = first(query, "patient:identifier").orElse("");
        if (id.isEmpty() && nhsNumber.isEmpty()) {
            throw EpsError.missingField("At least one of the query parameters identifier, focus:identifier, patient:identifier");
        }
        List<StoredPrescription> candidates = new ArrayList<>();
        if (!id.isEmpty()) {
            if (!PrescriptionIds.isValid(id)) {
                throw EpsError.invalidValue("Invalid prescription ID: " + PrescriptionIds.problem(id).orElseThrow());
            }
            store.get(id).filter(p -> nhsNumber.isEmpty() || p.nhsNumber().equals(nhsNumber)).ifPresent(candidates::add);
        } else {
            if (!MessageBundles.validNhsNumber(nhsNumber)) {
                throw EpsError.invalidValue("Invalid NHS number '" + nhsNumber + "' in query parameter 'patient:identifier'");
            }
            candidates.addAll(store.forPatient(nhsNumber));
        }
        Predicate<StoredPrescription> filter = filters(query);
        ObjectNode bundle = F.objectNode().put("resourceType", "Bundle").put("type", "searchset");
        ArrayNode entries = F.arrayNode();
        for (StoredPrescription p : candidates) {
            if (filter.test(p)) {
                entries.addObject().put("fullUrl", "urn:uuid:" + PrescribingEndpoints.newUuid()).set("resource", task(p));
            }
        }
        bundle.put("total", entries.size()).set("entry", entries);
        counters.applied(EpsOperation.TRACKER_QUERY, 1);
        return EpsReply.ok(bundle);
    }

    private static Predicate<StoredPrescription> filters(Map<String, List<String>> query) {
        Predicate<StoredPrescription> filter = p -> true;
        for (String status : query.getOrDefault("business-status", List.of())) {
            BusinessStatus wanted = BusinessStatus.ofCode(status);
            filter = filter.and(p -> p.status() == wanted);
        }
        for (String date : query.getOrDefault("authored-on", List.of())) {
            Matcher m = DATE.matcher(date);
            if (!m.matches()) {
                throw EpsError.invalidValue("Invalid value '" + date + "' in query parameter 'authored-on': <eq|ge|le>yyyy-mm-dd");
            }
            String day = m.group(2);
            String op = m.group(1);
            filter = filter.and(p -> compare(p.authoredOn(), day, op));
        }
        return filter;
    }

    private static boolean compare(String authoredOn, String day, String op) {
        String authoredDay = authoredOn.length() >= 10 ? authoredOn.substring(0, 10) : authoredOn;
        int c = authoredDay.compareTo(day);
        return switch (op) {
            case "eq" -> c == 0;
            case "ge" -> c >= 0;
            default -> c <= 0;
        };
    }

    private static java.util.Optional<String> first(Map<String, List<String>> query, String name) {
        return query.getOrDefault(name, List.of()).stream().findFirst();
    }

    private static ObjectNode task(StoredPrescription p) {
        ObjectNode task = F.objectNode().put("resourceType", "Task").put("id", PrescribingEndpoints.newUuid());
        task.put("status", switch (p.status()) {
            case CANCELLED, EXPIRED -> "cancelled";
            case DISPENSED, CLAIMED, NOT_DISPENSED -> "completed";
            default -> "in-progress";
        });
        task.putObject("businessStatus").putArray("coding").addObject().put("system", BusinessStatus.SYSTEM)
                .put("code", p.status().code()).put("display", p.status().display());
        task.put("intent", "order");
        task.putObject("focus").putObject("identifier").put("system", MessageBundles.ORDER_NUMBER).put("value", p.id());
        task.putObject("for").putObject("identifier").put("system", MessageBundles.NHS_NUMBER).put("value", p.nhsNumber());
        task.put("authoredOn", p.authoredOn());
        p.dispenser().ifPresent(ods -> task.putObject("owner").putObject("identifier").put("system", MessageBundles.ODS_CODE).put("value", ods));
        return task;
    }
}

package io.holdfast.fhir.internal;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves references inside one message: {@code #id} among the contained resources of the referring
 * resource, else a Bundle entry by {@code fullUrl} ({@code urn:uuid:...} or absolute) or by
 * {@code Type/id}. Nothing is fetched from a server: a reference that points outside the message does
 * not resolve.
 */
final class Resolver {
    private final Map<String, Resource> entries = new HashMap<>();

    static Resolver empty() {
        return new Resolver();
    }

    static Resolver of(Bundle bundle) {
        Resolver r = new Resolver();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (!e.hasResource()) {
                continue;
            }
            Resource res = e.getResource();
            if (e.hasFullUrl()) {
                r.entries.put(e.getFullUrl(), res);
            }
            if (res.hasIdElement() && res.getIdElement().hasIdPart()) {
                r.entries.put(res.fhirType() + "/" + res.getIdElement().getIdPart(), res);
            }
        }
        return r;
    }

    <T extends Resource> Optional<T> resolve(DomainResource from, Reference ref, Class<T> type) {
        if (ref == null || !ref.hasReference()) {
            return Optional.empty();
        }
        String target = ref.getReference();
        Resource found = null;
        if (target.startsWith("#")) {
            String id = target.substring(1);
            found = from.getContained().stream().filter(c -> id.equals(c.getIdElement().getIdPart())).findFirst().orElse(null);
        } else {
            found = entries.get(target);
            if (found == null && target.contains("/")) {
                String[] parts = target.split("/");
                if (parts.length >= 2) {
                    found = entries.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
                }
            }
        }
        return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
    }
}

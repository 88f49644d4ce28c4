package io.holdfast.fhir.internal;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.DemographicUpdate;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.fhir.MappedPatient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

/** One R4 resource (or Bundle) → canonical events; empty when nothing in it maps. */
public final class ResourceDecoder {
    private ResourceDecoder() {
    }

    public static List<ClinicalEvent> decode(Resource resource, FieldTrail trail) {
        if (resource instanceof Bundle bundle) {
            return bundle(bundle, trail);
        }
        List<ClinicalEvent> out = new ArrayList<>();
        if (resource instanceof Patient p) {
            out.add(demographicUpdate(p, trail));
        } else if (resource instanceof DiagnosticReport r) {
            out.add(LabResultDecoder.fromReport(r, Resolver.empty(), trail));
        } else if (resource instanceof Observation o) {
            out.add(LabResultDecoder.fromObservation(o, Resolver.empty(), trail));
        }
        return out;
    }

    private static DemographicUpdate demographicUpdate(Patient p, FieldTrail trail) {
        MappedPatient mapped = PatientDecoder.decode(p, trail);
        Optional<Instant> updated = Optional.ofNullable(p.getMeta().getLastUpdated()).map(java.util.Date::toInstant);
        return new DemographicUpdate(mapped.patient(), Optional.empty(), updated);
    }

    /**
     * Reports first, so a Patient that is a report's subject and an Observation that is a report's
     * result are mapped once (inside the LabResult), not again on their own.
     */
    private static List<ClinicalEvent> bundle(Bundle bundle, FieldTrail trail) {
        Resolver resolver = Resolver.of(bundle);
        Set<Resource> used = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ClinicalEvent> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (e.getResource() instanceof DiagnosticReport r) {
                out.add(LabResultDecoder.fromReport(r, resolver, trail));
                resolver.resolve(r, r.getSubject(), Patient.class).ifPresent(used::add);
                for (Reference ref : r.getResult()) {
                    resolver.resolve(r, ref, Observation.class).ifPresent(used::add);
                }
            }
        }
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource res = e.getResource();
            if (res instanceof Observation o && !used.contains(o)) {
                out.add(LabResultDecoder.fromObservation(o, resolver, trail));
                resolver.resolve(o, o.getSubject(), Patient.class).ifPresent(used::add);
            }
        }
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (e.getResource() instanceof Patient p && !used.contains(p)) {
                out.add(demographicUpdate(p, trail));
            } else if (e.getResource() instanceof Bundle inner) {
                out.addAll(bundle(inner, trail));
            }
        }
        return out;
    }
}

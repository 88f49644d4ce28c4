package io.holdfast.fhir.internal;

import org.hl7.fhir.exceptions.FHIRException;

import java.util.Optional;

/** FHIR required-binding codes from canonical text that may come from elsewhere (an HL7 v2 name type, a free use). */
final class Codes {
    @FunctionalInterface
    interface Parser<E> {
        E parse(String code) throws FHIRException;
    }

    private Codes() {
    }

    /** The FHIR code of {@code text}, or empty where FHIR defines none (the element is left out, not invented). */
    static <E> Optional<E> of(String text, Parser<E> parser) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parser.parse(text.trim()));
        } catch (FHIRException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

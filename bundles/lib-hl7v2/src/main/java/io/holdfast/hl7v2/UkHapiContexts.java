package io.holdfast.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * HAPI contexts for UK traffic. HAPI's default validation rules assume US formats (e.g. they
 * reject a PID-13 of {@code 01132345678^PRN^PH} in v2.3/v2.4) and would answer ordinary NHS ADT
 * with AE, so every context here has validation switched off: Holdfast validates what it maps
 * (NHS number Mod 11, required identifiers) in its own codec instead.
 */
public final class UkHapiContexts {
    /** The structure version one mapping is written against. */
    public static final String CANONICAL_VERSION = "2.5";

    private UkHapiContexts() {
    }

    /**
     * A context that parses v2.3, v2.4 and v2.5 messages into v2.5 structures, so one mapping
     * serves them all. MSH-12 keeps the version the sender wrote.
     */
    public static HapiContext canonical() {
        DefaultHapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory(CANONICAL_VERSION));
        context.setValidationContext(ValidationContextFactory.noValidation());
        return context;
    }

    /** A context that parses each message into the structures of its own MSH-12 version. */
    public static HapiContext perVersion() {
        DefaultHapiContext context = new DefaultHapiContext(new DefaultModelClassFactory());
        context.setValidationContext(ValidationContextFactory.noValidation());
        return context;
    }
}

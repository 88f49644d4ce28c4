package io.holdfast.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;

/**
 * The one HAPI {@link FhirContext} per FHIR version that every Holdfast bundle shares. Creating a
 * context scans the model classes (hundreds of milliseconds, megabytes of metadata) and HAPI documents
 * it as thread-safe and meant to be shared, so it is created lazily, once, on first use (class-holder
 * idiom: the JVM's class initialisation makes it thread-safe without locks) and never per call.
 *
 * <p>The context answers parse problems strictly where the data would be wrong (an invalid value, a
 * JSON type that does not match the element) and tolerates unknown elements, which newer servers may
 * send; {@link FhirJson} turns the former into {@link FhirException}s.
 */
@org.osgi.annotation.versioning.ProviderType
public final class FhirContexts {
    private FhirContexts() {
    }

    /** The shared R4 context. */
    public static FhirContext r4() {
        return R4Holder.CONTEXT;
    }

    /**
     * The shared STU3 context (e-RS). HAPI finds the STU3 model through hapi-fhir-base's dynamic import, so this
     * library needs no STU3 package itself: install feature {@code holdfast-lib-fhir-stu3} (structures-dstu3 and
     * org.hl7.fhir.dstu3) before calling it, else it throws HAPI's "could not find the version implementation".
     *
     * @since 1.1
     */
    public static FhirContext stu3() {
        return Stu3Holder.CONTEXT;
    }

    /** The shared context of {@code version}. */
    public static FhirContext of(FhirVersion version) {
        return switch (version) {
            case R4 -> r4();
            case STU3 -> stu3();
        };
    }

    private static final class R4Holder {
        static final FhirContext CONTEXT = configure(FhirContext.forR4());
    }

    private static final class Stu3Holder {
        static final FhirContext CONTEXT = configure(FhirContext.forDstu3());
    }

    private static FhirContext configure(FhirContext context) {
        // false: HAPI would otherwise log each unknown element, and its messages can quote element values.
        LenientErrorHandler errors = new LenientErrorHandler(false);
        errors.setErrorOnInvalidValue(true);
        context.setParserErrorHandler(errors);
        return context;
    }
}

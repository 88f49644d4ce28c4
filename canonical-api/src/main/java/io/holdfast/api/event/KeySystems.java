package io.holdfast.api.event;

/** Identifier systems used inside {@link EventKey}s of the well-known event types. */
@org.osgi.annotation.versioning.ProviderType
public final class KeySystems {
    /** Visit-scoped events: value = facility ODS | visit system | visit number | patient system | patient id. */
    public static final String VISIT = "urn:holdfast:key:visit";
    /** Patient-scoped events: value = patient system | patient id (NHS number, or MRN with authority). */
    public static final String PATIENT = "urn:holdfast:key:patient";
    /** Unique Booking Reference Number (e-RS), 12 digits. */
    public static final String UBRN = "https://fhir.nhs.uk/Id/UBRN";
    /** EPS prescription id (short form, {@code XXXXXX-XXXXXX-XXXXXC}). */
    public static final String PRESCRIPTION_ID = "https://fhir.nhs.uk/Id/prescription-order-number";
    /** ESR: value = employee number | assignment number. */
    public static final String ESR_ASSIGNMENT = "urn:holdfast:key:esr-assignment";
    /** Transport units (a MESH message, an SFTP file): value = transport message id. */
    public static final String TRANSPORT_PREFIX = "urn:holdfast:transport:";

    private KeySystems() {
    }
}

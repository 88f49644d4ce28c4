package io.holdfast.api.message;

import java.util.Objects;

/**
 * The wire format of a payload: a family (HL7V2, FHIR, ESR_FILE, OPAQUE, or a vendor's own) and a
 * version ({@code 2.4}, {@code R4}, ...; empty where it has none).
 */
@org.osgi.annotation.versioning.ProviderType
public record WireFormat(String family, String version) {
    public static final String HL7V2 = "HL7V2";
    public static final String FHIR = "FHIR";
    public static final String HL7V3_EBXML = "HL7V3_EBXML";
    public static final String ESR_FILE = "ESR_FILE";
    public static final String OPAQUE = "OPAQUE";

    public WireFormat {
        Objects.requireNonNull(family, "family");
        version = version == null ? "" : version;
    }

    public static WireFormat hl7v2(String version) {
        return new WireFormat(HL7V2, version);
    }

    public static WireFormat fhirR4() {
        return new WireFormat(FHIR, "R4");
    }

    public static WireFormat opaque() {
        return new WireFormat(OPAQUE, "");
    }

    /** Parses {@code FAMILY} or {@code FAMILY:version} (the form used in config and the inventory). */
    public static WireFormat parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new WireFormat(text.trim(), "") : new WireFormat(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    @Override
    public String toString() {
        return version.isEmpty() ? family : family + ":" + version;
    }
}

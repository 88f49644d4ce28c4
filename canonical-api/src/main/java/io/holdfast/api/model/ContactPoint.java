package io.holdfast.api.model;

/** Telephone, email and similar. {@code system}: phone, email, fax, sms, url, other. */
@org.osgi.annotation.versioning.ProviderType
public record ContactPoint(String system, String value, String use) {
    public ContactPoint {
        system = system == null ? "other" : system;
        value = value == null ? "" : value;
        use = use == null ? "" : use;
    }

    @Override
    public String toString() {
        return "ContactPoint[" + system + ":***]";
    }
}

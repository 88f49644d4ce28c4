package io.holdfast.api.event;

/** What kind of service an {@link Order} asks for. */
@org.osgi.annotation.versioning.ProviderType
public enum OrderCategory {
    /** Pathology: chemistry, haematology, microbiology, blood bank, histology. */
    LABORATORY,
    /** Radiology and other imaging. */
    IMAGING,
    /** Medication: a pharmacy or treatment order. */
    PHARMACY,
    /** Any other service (e.g. a clinical procedure or a referral-like request). */
    OTHER
}

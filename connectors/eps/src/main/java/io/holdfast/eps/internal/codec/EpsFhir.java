package io.holdfast.eps.internal.codec;

/** Systems, code systems and profile URLs of the EPS FHIR R4 API (Digital Medicines guide), in one place. */
public final class EpsFhir {
    public static final String MESSAGE_EVENT = "https://fhir.nhs.uk/CodeSystem/message-event";
    public static final String ORDER = "prescription-order";
    public static final String ORDER_UPDATE = "prescription-order-update";
    public static final String DISPENSE = "dispense-notification";
    public static final String RFC4122 = "https://tools.ietf.org/html/rfc4122";
    public static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String SHORT_FORM = "https://fhir.nhs.uk/Id/prescription-order-number";
    public static final String LONG_FORM = "https://fhir.nhs.uk/Id/prescription";
    public static final String PRESCRIPTION_ID_EXT = "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionId";
    public static final String ITEM_NUMBER = "https://fhir.nhs.uk/Id/prescription-order-item-number";
    public static final String DISPENSE_ITEM_NUMBER = "https://fhir.nhs.uk/Id/prescription-dispense-item-number";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String STATUS_REASON = "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason";
    public static final String DISPENSE_TYPE = "https://fhir.nhs.uk/CodeSystem/medicationdispense-type";
    public static final String TASK_STATUS_EXT = "https://fhir.nhs.uk/StructureDefinition/Extension-EPS-TaskBusinessStatus";
    public static final String TASK_STATUS = "https://fhir.nhs.uk/CodeSystem/EPS-task-business-status";
    public static final String SPINE_ERROR = "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";
    public static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/medicationrequest-category";
    public static final String PRESCRIPTION_TYPE_EXT = "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionType";
    public static final String PRESCRIPTION_TYPE = "https://fhir.nhs.uk/CodeSystem/prescription-type";

    private EpsFhir() {
    }
}

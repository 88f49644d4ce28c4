package io.holdfast.ers.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How Holdfast acts in e-RS for one inventory system: factory PID {@value #FACTORY_PID}, one file per system,
 * {@code etc/io.holdfast.ers.role-<inventory id>.cfg}. canonical-api's {@code DownstreamSystem} has an ODS code but no
 * free-form attributes, so the e-RS role headers live here, keyed by {@link #systemId()}.
 */
@ObjectClassDefinition(name = "Holdfast e-RS role", description = "The e-RS business function, on-behalf-of user and ODS code Holdfast sends for one e-RS inventory system")
public @interface ErsRoleConfig {
    String FACTORY_PID = "io.holdfast.ers.role";

    @AttributeDefinition(description = "Inventory id of the e-RS system these settings are for (name the file io.holdfast.ers.role-<this id>.cfg)")
    String systemId();

    @AttributeDefinition(description = "NHSD-eRS-Business-Function for user-restricted calls: SERVICE_PROVIDER_CLINICIAN, SERVICE_PROVIDER_CLINICIAN_ADMIN, "
            + "SERVICE_PROVIDER_ADMIN, REFERRING_CLINICIAN, REFERRING_CLINICIAN_ADMIN, REFERRING_ADMIN")
    String businessFunction() default "SERVICE_PROVIDER_CLINICIAN";

    @AttributeDefinition(description = "NHSD-eRS-On-Behalf-Of-User-ID: the SDS user id (12 digits) of the Service Provider Clinician a "
            + "SERVICE_PROVIDER_CLINICIAN_ADMIN acts for; empty = none (only that role may set it)")
    String onBehalfOfUserId() default "";

    @AttributeDefinition(description = "NHSD-End-User-Organisation-ODS for user-restricted calls; empty = the inventory entry's ODS code")
    String odsCode() default "";

    @AttributeDefinition(description = "e-RS service id for the application-restricted worklist (its 'service' filter is mandatory there); empty = none")
    String serviceId() default "";

    @AttributeDefinition(description = "e-RS rejection reason code (APPOINTMENT-CANCELLATION-REASON, type PROVIDER_REJECT) used when a routed "
            + "referral with status 'rejected' carries none; empty = such a referral is dead-lettered")
    String rejectReasonCode() default "";
}

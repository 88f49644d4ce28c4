package io.holdfast.simulator.ers;

import java.util.Arrays;
import java.util.Optional;

/**
 * The values of {@code NHSD-eRS-Business-Function} (stu3/schemas/headers/request/BusinessFunctionOnlyUserRestricted.yaml,
 * r4/schemas/headers/request/BusinessFunction.yaml): the e-RS role the CIS2 user acts in.
 */
public enum BusinessFunction {
    REFERRING_CLINICIAN,
    REFERRING_CLINICIAN_ADMIN,
    REFERRING_ADMIN,
    COMMISSIONER,
    SERVICE_PROVIDER_CLINICIAN_ADMIN,
    SERVICE_PROVIDER_CLINICIAN,
    SERVICE_PROVIDER_ADMIN,
    INFORMATION_ANALYST,
    BOOKING_MANAGER,
    ADDITIONAL_REQUIREMENTS_MANAGER;

    static Optional<BusinessFunction> parse(String header) {
        return Arrays.stream(values()).filter(f -> f.name().equals(header)).findFirst();
    }

    /** OnBehalfOfUserID.yaml: only a Service Provider Clinician Admin acts on behalf of a Service Provider Clinician. */
    boolean actsOnBehalfOfAnotherUser() {
        return this == SERVICE_PROVIDER_CLINICIAN_ADMIN;
    }
}

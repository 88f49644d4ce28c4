package io.holdfast.simulator.eps;

import java.util.Objects;

/**
 * Who a bearer token stands for: the application (the X-Request-ID de-duplication scope) and the access mode.
 * The published API is user-restricted (CIS2) except for releasing nominated prescriptions, which
 * application-restricted callers may do (electronic-prescription-service-api.yaml, "Security and authorisation").
 */
public record EpsCaller(String application, boolean userRestricted) {

    public EpsCaller {
        Objects.requireNonNull(application);
    }

    public static EpsCaller applicationRestricted(String application) {
        return new EpsCaller(application, false);
    }

    public static EpsCaller userRestricted(String application) {
        return new EpsCaller(application, true);
    }
}

package io.holdfast.simulator.ers;

import java.util.Objects;

/**
 * Who a bearer token stands for: the application (the key of the X-Request-ID replay store) and whether a
 * CIS2 user is present (user-restricted: role headers required) or not (application-restricted, unattended:
 * read endpoints only).
 */
public record ErsCaller(String application, boolean userRestricted) {

    public ErsCaller {
        Objects.requireNonNull(application);
    }

    public static ErsCaller userRestricted(String application) {
        return new ErsCaller(application, true);
    }

    public static ErsCaller applicationRestricted(String application) {
        return new ErsCaller(application, false);
    }
}

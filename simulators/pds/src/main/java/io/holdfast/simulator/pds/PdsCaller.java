package io.holdfast.simulator.pds;

import java.util.Objects;

/**
 * Who a bearer token stands for: the application (its rate-limit bucket) and the access mode. The
 * published API limits application-restricted callers to single-result searches and no updates;
 * healthcare-worker (user-restricted, CIS2) callers get up to 50 results and may PATCH.
 */
public record PdsCaller(String application, boolean userRestricted) {

    public PdsCaller {
        Objects.requireNonNull(application);
    }

    public static PdsCaller applicationRestricted(String application) {
        return new PdsCaller(application, false);
    }

    public static PdsCaller userRestricted(String application) {
        return new PdsCaller(application, true);
    }
}

package io.holdfast.http.internal;

import io.holdfast.http.HttpEndpoint;
import java.util.OptionalLong;

/**
 * One registered endpoint on one listener.
 *
 * @param serviceId    the endpoint's service id (ties broken by ranking, then the oldest)
 * @param maxBodyBytes the endpoint's own cap, if it set one
 */
public record Route(String listener, String path, HttpEndpoint endpoint, OptionalLong maxBodyBytes, long serviceId, int ranking) {

    /** True if {@code requestPath} is this route's path or below it (segment-wise: {@code /fhir} does not match {@code /fhirx}). */
    public boolean matches(String requestPath) {
        return path.equals("/") || requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}

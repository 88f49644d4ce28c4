package io.holdfast.mesh.internal.transport;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A MESH call that did not succeed: an HTTP status with MESH's error code and description, or no
 * answer at all (status 0: connection dropped, timeout), in which case the server may or may not
 * have acted on the request.
 */
public final class MeshException extends HoldfastException {
    private static final long serialVersionUID = 1L;
    /** Statuses the reference client retries. */
    public static final Set<Integer> RETRYABLE = Set.of(425, 429, 502, 503, 504);
    /** Statuses after which a POST may or may not have been processed. */
    public static final Set<Integer> AMBIGUOUS = Set.of(0, 502, 504);

    private final int status;
    private final String meshCode;
    private final transient Optional<Duration> retryAfter;

    public MeshException(int status, String meshCode, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(status == 401 || status == 403 ? ErrorCode.AUTH_FAILED
                : status == 0 || RETRYABLE.contains(status) || status >= 500 ? ErrorCode.TRANSPORT_FAILED : ErrorCode.TRANSPORT_REJECTED,
                message, cause);
        this.status = status;
        this.meshCode = meshCode == null ? "" : meshCode;
        this.retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public static MeshException noAnswer(String what, Throwable cause) {
        return new MeshException(0, "", what + ": no answer from MESH (" + cause.getClass().getSimpleName() + ")", Optional.empty(), cause);
    }

    /**
     * The server answered, but with something a MESH server never sends (an id that is not a MESH id,
     * a link to another server): not retried, not ambiguous. Status 200 stands for "answered".
     */
    public static MeshException protocolViolation(String message) {
        return new MeshException(200, "", message, Optional.empty(), null);
    }

    /** HTTP status, 0 if none arrived. */
    public int status() {
        return status;
    }

    /** MESH's error code from the body (e.g. {@code 12} unregistered recipient), or empty. */
    public String meshCode() {
        return meshCode;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return status == 0 || RETRYABLE.contains(status);
    }

    /** True if a POST that failed this way may still have been accepted. */
    public boolean ambiguous() {
        return AMBIGUOUS.contains(status);
    }
}

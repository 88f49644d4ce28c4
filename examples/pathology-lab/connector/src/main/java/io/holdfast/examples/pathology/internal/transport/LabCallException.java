package io.holdfast.examples.pathology.internal.transport;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.time.Duration;
import java.util.Optional;

/** A results request that did not produce a page. The text names the lab and the HTTP status, never a body. */
public final class LabCallException extends HoldfastException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; the first three are worth another try within the same poll. */
    public enum Kind {
        /** Connection refused, reset or timed out. */
        UNREACHABLE(true, ErrorCode.TRANSPORT_FAILED),
        /** 5xx. */
        SERVER_ERROR(true, ErrorCode.TRANSPORT_FAILED),
        /** 429 Too Many Requests. */
        THROTTLED(true, ErrorCode.TRANSPORT_FAILED),
        /** 401: the credential was refused. */
        UNAUTHORIZED(false, ErrorCode.AUTH_FAILED),
        /** Another 4xx: the request itself is wrong (path, cursor); trying again does not help. */
        REFUSED(false, ErrorCode.TRANSPORT_REJECTED),
        /** 200 but not the lab's format: wrong content type, no or invalid X-Next-Cursor. */
        PROTOCOL(false, ErrorCode.TRANSPORT_REJECTED),
        /** The body is larger than maxResponseBytes: abandoned unread, asked for again in smaller pages. */
        OVERSIZE(false, ErrorCode.TRANSPORT_REJECTED),
        /** The poll was stopped (bundle stopping). */
        INTERRUPTED(false, ErrorCode.TRANSPORT_FAILED);

        private final boolean retryable;
        private final ErrorCode code;

        Kind(boolean retryable, ErrorCode code) {
            this.retryable = retryable;
            this.code = code;
        }
    }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;

    public LabCallException(Kind kind, String message, Optional<Duration> retryAfter) {
        super(kind.code, message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public LabCallException(Kind kind, String message) {
        this(kind, message, Optional.empty());
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable;
    }

    /** The lab's Retry-After, if it sent one. */
    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }
}

package io.holdfast.simulator.apim;

/**
 * A refused token request: HTTP status and RFC 6749 §5.2 error code with a description, the way
 * the platform answers ({@code {"error": ..., "error_description": ...}}).
 */
public final class OAuthError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String error;

    public OAuthError(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    /** 400 invalid_request: the request or the JWT is malformed or breaks a rule. */
    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    /** 401 invalid_client: the client could not be authenticated (unknown key, bad signature, expired, wrong audience). */
    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}

package io.holdfast.http.internal.jwt;

/** A bearer token was not accepted; the message says why without quoting the token. */
public final class JwtRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public JwtRejected(String message) {
        super(message);
    }
}

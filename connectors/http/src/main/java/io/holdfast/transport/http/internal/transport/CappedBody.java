package io.holdfast.transport.http.internal.transport;

/**
 * The first bytes of a response body, at most the configured cap.
 *
 * @param cut true when the body was longer: the rest was never read (the connection was dropped)
 */
record CappedBody(byte[] bytes, boolean cut) {
    static final CappedBody EMPTY = new CappedBody(new byte[0], false);
}

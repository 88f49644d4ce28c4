package io.holdfast.transport.http.internal.transport;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A response as read: status, headers and the capped body. */
record HttpAnswer(int status, HttpHeaders headers, CappedBody body) {

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}

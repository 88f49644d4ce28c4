package io.holdfast.http.internal;

import io.holdfast.http.HttpCall;
import io.holdfast.http.HttpReply;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an endpoint on a worker thread and turns a failure into a {@code 500} that tells the client
 * nothing about the inside (no stack trace, no message): the reference in the body finds the ERROR
 * line, which names the listener, the endpoint path and the exception type, never the payload.
 */
final class EndpointInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointInvoker.class);

    private EndpointInvoker() {
    }

    static HttpReply invoke(Route route, HttpCall call) {
        try {
            HttpReply reply = route.endpoint().handle(call);
            if (reply == null) {
                throw new IllegalStateException("endpoint returned no reply");
            }
            return reply;
        } catch (Exception | LinkageError | AssertionError e) {
            String reference = UUID.randomUUID().toString();
            // the exception message may quote the payload: type only at ERROR, the full trace at DEBUG
            LOG.error("HTTP endpoint {} on listener {} failed ({}): answered 500, reference {}", route.path(), route.listener(),
                    e.getClass().getName(), reference);
            LOG.debug("HTTP endpoint failure {}", reference, e);
            return HttpReply.text(500, "Internal server error (reference " + reference + ")\n");
        }
    }
}

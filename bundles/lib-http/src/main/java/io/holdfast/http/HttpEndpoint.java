package io.holdfast.http;

/**
 * One HTTP endpoint, registered as an OSGi service (whiteboard) with {@link #LISTENER} naming the
 * listener and {@link #PATH} the path prefix it serves (e.g. {@code /fhir/r4}). The listener calls it
 * on a bounded worker pool, never on a network thread, so it may block (e.g. wait for a durable
 * commit). An exception becomes a {@code 500} with a generic body: answer expected errors yourself.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface HttpEndpoint {

    /** Service property: the name of the listener ({@code io.holdfast.http.listener-<name>.cfg}). */
    String LISTENER = "holdfast.http.listener";
    /** Service property: the path prefix, starting with {@code /}; longest prefix wins. */
    String PATH = "holdfast.http.path";
    /**
     * Optional service property (number): a body cap for this endpoint below the listener's
     * {@code maxBodyBytes}; larger requests get {@code 413} before the rest of the body is read.
     */
    String MAX_BODY_BYTES = "holdfast.http.maxBodyBytes";

    HttpReply handle(HttpCall call) throws Exception;
}

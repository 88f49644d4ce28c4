/**
 * The HTTP/1.1 server the simulators share (APIM, PDS): Netty with aggregated, size-capped request
 * bodies, a handler that answers each request with a response (optionally after a delay) or a
 * connection reset for fault injection. Simulator plumbing only, never part of a production path.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.simulator.apim.http;

/**
 * Holdfast's HTTP server stack, for every Holdfast endpoint (inbound FHIR, later the admin REST API
 * and Spine): register an {@link io.holdfast.http.HttpEndpoint} service with the properties
 * {@code holdfast.http.listener} and {@code holdfast.http.path}; the listener of that name (factory
 * PID {@code io.holdfast.http.listener}) routes matching requests to it on a bounded worker pool.
 * The {@link io.holdfast.http.RequestAuthenticator} implementations (mutual TLS, bearer JWT against a
 * JWKS, API key) are reusable by every endpoint.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.http;

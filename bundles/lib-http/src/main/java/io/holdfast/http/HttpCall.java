package io.holdfast.http;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One complete HTTP request as an endpoint sees it. The body is already capped (the listener
 * answered {@code 413} to anything larger); {@code peerCertificates} is the client's verified chain
 * on a mutual-TLS listener, else empty.
 *
 * @param listener         the listener's name
 * @param method           upper case, e.g. {@code POST}
 * @param path             the decoded-free raw path without the query, e.g. {@code /fhir/r4/Patient}
 * @param endpointPath     the prefix the endpoint registered ({@link HttpEndpoint#PATH})
 * @param query            query parameters (decoded), in order of appearance
 * @param headers          header names in lower case
 * @param body             the request body, possibly empty
 * @param peerCertificates client certificate chain, leaf first
 * @param remoteAddress    the peer
 */
@org.osgi.annotation.versioning.ProviderType
public record HttpCall(String listener, String method, String path, String endpointPath, Map<String, List<String>> query,
                       Map<String, List<String>> headers, byte[] body, List<X509Certificate> peerCertificates,
                       InetSocketAddress remoteAddress) {

    public HttpCall {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(endpointPath, "endpointPath");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        peerCertificates = List.copyOf(peerCertificates);
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** The first value of a header (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The path below {@link #endpointPath()}: {@code /Patient} for {@code /fhir/r4/Patient} under {@code /fhir/r4}. */
    public String subPath() {
        String rest = endpointPath.equals("/") ? path : path.substring(endpointPath.length());
        return rest.isEmpty() ? "/" : rest;
    }

    @Override
    public String toString() {
        // never the body or header values (tokens, PHI)
        return "HttpCall[" + listener + " " + method + " " + endpointPath + ", " + body.length + " bytes]";
    }
}

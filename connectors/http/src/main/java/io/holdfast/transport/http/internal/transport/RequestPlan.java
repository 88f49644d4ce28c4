package io.holdfast.transport.http.internal.transport;

import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.transport.http.internal.config.HttpTransportSettings;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to send for one {@link OutboundRequest}: method, URI and headers. Request headers are options for
 * this transport ({@value #METHOD}, {@value #PATH}), headers to send ({@value #HEADER_PREFIX}{@code Name},
 * {@code Content-Type}, {@code Accept}, {@code X-Correlation-ID}) or other transports' options (ignored,
 * e.g. {@code mllp.onAE}, {@code mex-FileName}): nothing reaches the wire unless it is meant for HTTP.
 */
record RequestPlan(String method, URI uri, Map<String, String> headers) {
    static final String METHOD = "http.method";
    static final String PATH = "http.path";
    static final String HEADER_PREFIX = "http.header.";
    static final String REQUEST_ID = "X-Request-ID";
    static final String CORRELATION_ID = "X-Correlation-ID";
    static final String CONTENT_TYPE = "Content-Type";
    static final String ACCEPT = "Accept";
    static final String FHIR_JSON = "application/fhir+json";
    /**
     * Not as {@code http.header.*}: set by the JDK client or by Holdfast itself (a route cannot replace them), or
     * given as their own route header ({@code Content-Type}, {@code Accept}, {@code X-Correlation-ID}) so they are
     * never sent twice.
     */
    private static final Set<String> RESERVED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "x-request-id", "authorization", "apikey", "content-type", "accept", "x-correlation-id");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern SAFE_PATH = Pattern.compile("[/?][A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    /** A request this transport refuses to send as configured: a permanent failure naming the option. */
    static final class Unsendable extends Exception {
        private static final long serialVersionUID = 1L;

        Unsendable(String message) {
            super(message, null, false, false);
        }
    }

    static RequestPlan of(OutboundRequest request, HttpTransportSettings settings) throws Unsendable {
        // Header names are case-insensitive: a codec's content-type counts as Content-Type.
        Map<String, String> options = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        options.putAll(request.headers());
        String method;
        try {
            method = options.containsKey(METHOD) ? HttpTransportSettings.method("route header", METHOD, options.get(METHOD))
                    : settings.defaultMethod();
        } catch (RuntimeException e) {
            throw new Unsendable(e.getMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CONTENT_TYPE, options.getOrDefault(CONTENT_TYPE, contentType(request.target().format())));
        if (options.containsKey(ACCEPT)) {
            headers.put(ACCEPT, options.get(ACCEPT));
        } else if (WireFormat.FHIR.equals(request.target().format().family())) {
            headers.put(ACCEPT, FHIR_JSON);
        }
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().startsWith(HEADER_PREFIX)) {
                headers.put(headerName(e.getKey().substring(HEADER_PREFIX.length())), e.getValue());
            }
        }
        String requestId = RequestIds.asUuid(request.requestId());
        headers.put(REQUEST_ID, requestId);
        headers.put(CORRELATION_ID, options.getOrDefault(CORRELATION_ID, requestId));
        for (String value : headers.values()) {
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new Unsendable("a header value for '" + request.target().id() + "' contains a line break");
            }
        }
        return new RequestPlan(method, uri(request.target().endpoint(), options.get(PATH)), Map.copyOf(headers));
    }

    /** The media type of the target's wire format, when neither codec nor route names one. */
    static String contentType(WireFormat format) {
        return switch (format.family()) {
            case WireFormat.FHIR -> FHIR_JSON;
            case WireFormat.HL7V2 -> "x-application/hl7-v2+er7";
            case WireFormat.HL7V3_EBXML -> "application/xml";
            default -> "application/octet-stream";
        };
    }

    private static String headerName(String name) throws Unsendable {
        if (!TOKEN.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new Unsendable("route header " + HEADER_PREFIX + name + " is not allowed (a header name, not one of "
                    + new java.util.TreeSet<>(RESERVED) + ": the client or Holdfast sets those, or they are route headers of"
                    + " their own)");
        }
        return name;
    }

    private static URI uri(String endpoint, String path) throws Unsendable {
        String base = endpoint;
        if (path != null && !path.isBlank()) {
            if (!SAFE_PATH.matcher(path).matches() || path.contains("/../") || path.endsWith("/..")) {
                throw new Unsendable("route header " + PATH + " '" + path + "' must start with / or ? and hold only URL path"
                        + " and query characters (no scheme, host, spaces or ..)");
            }
            base = endpoint.endsWith("/") && path.startsWith("/") ? endpoint + path.substring(1) : endpoint + path;
        }
        try {
            return URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new Unsendable("endpoint '" + base + "' is not a valid URI: " + e.getMessage());
        }
    }
}

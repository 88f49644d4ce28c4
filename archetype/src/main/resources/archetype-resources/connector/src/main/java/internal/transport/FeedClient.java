package ${package}.internal.transport;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The inbound half of the booking system's protocol (README.md, "Protocol"): list, fetch and acknowledge. */
public final class FeedClient {
    private final HttpClient http;
    private final URI baseUrl;
    private final Duration timeout;

    public FeedClient(HttpClient http, URI baseUrl, Duration timeout) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    /** Ids of the messages waiting in the outbox, oldest first. */
    public List<String> waiting(int limit) {
        String body = new String(call("GET", "/messages?limit=" + limit, 200), StandardCharsets.UTF_8);
        return Arrays.stream(body.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public byte[] fetch(String messageId) {
        return call("GET", "/messages/" + encode(messageId), 200);
    }

    /** Removes the message from the outbox: call only once Holdfast has made it durable. */
    public void acknowledge(String messageId) {
        call("DELETE", "/messages/" + encode(messageId), 204);
    }

    private byte[] call(String method, String path, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new HoldfastException(ErrorCode.TRANSPORT_FAILED, method + " " + baseUrl + path.replaceAll("\\?.*", "")
                        + " answered HTTP " + response.statusCode() + " (expected " + expected + ")");
            }
            return response.body();
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.TRANSPORT_FAILED, method + " " + baseUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HoldfastException(ErrorCode.TRANSPORT_FAILED, method + " " + baseUrl + " interrupted", e);
        }
    }

    private static String encode(String messageId) {
        return URLEncoder.encode(messageId, StandardCharsets.UTF_8);
    }
}

package io.holdfast.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A MESH partner over the real API v2: sends from a mailbox, reads tracking and an inbox. Written here (from
 * NHS-INTERFACES.md) rather than taken from {@code io.holdfast.mesh.protocol}: the test probe must not be wired
 * to the connector bundle, or uninstalling the connector would refresh the probe in the middle of the test.
 */
final class MeshTestClient {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final String ACCEPT = "application/vnd.mesh.v2+json";

    private final String baseUrl;
    private final byte[] sharedKey;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MeshTestClient(String baseUrl, String sharedKey, String password) {
        this.baseUrl = baseUrl;
        this.sharedKey = sharedKey.getBytes(StandardCharsets.UTF_8);
        this.password = password;
    }

    /** POST outbox (one chunk); returns MESH's message id. */
    String send(String from, String to, String workflowId, String fileName, byte[] content) throws IOException, InterruptedException {
        HttpRequest request = request(from, "/outbox").header("mex-To", to).header("mex-WorkflowID", workflowId)
                .header("mex-FileName", fileName).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new AssertionError("MESH send from " + from + " to " + to + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "message_id").orElseThrow(() -> new AssertionError("no message_id in " + response.body()));
    }

    /** The tracking status the sender sees ({@code accepted}, {@code acknowledged}, ...). */
    String status(String from, String messageId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(from, "/outbox/tracking?messageID=" + messageId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("MESH tracking of " + messageId + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "status").orElseThrow(() -> new AssertionError("no status in " + response.body()));
    }

    /** The inbox listing of {@code mailbox}, as MESH's JSON. */
    String inbox(String mailbox) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(mailbox, "/inbox").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("MESH inbox of " + mailbox + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String mailbox, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/messageexchange/" + mailbox + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", ACCEPT).header("Authorization", authorization(mailbox));
    }

    /** {@code NHSMESH mailbox:nonce:nonce_count:yyyyMMddHHmm:hex HMAC-SHA256(sharedKey, mailbox:nonce:count:password:timestamp)}. */
    private String authorization(String mailbox) {
        String nonce = UUID.randomUUID().toString();
        String timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedKey, "HmacSHA256"));
            String hash = HexFormat.of().formatHex(mac.doFinal((mailbox + ":" + nonce + ":0:" + password + ":" + timestamp)
                    .getBytes(StandardCharsets.UTF_8)));
            return "NHSMESH " + mailbox + ":" + nonce + ":0:" + timestamp + ":" + hash;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}

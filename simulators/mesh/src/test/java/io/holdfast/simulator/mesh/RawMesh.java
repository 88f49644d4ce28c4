package io.holdfast.simulator.mesh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A deliberately plain HTTP client for protocol tests: the test controls every header. */
final class RawMesh {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String base;
    final String sharedKey;

    RawMesh(String base, String sharedKey) {
        this.base = base;
        this.sharedKey = sharedKey;
    }

    String token(String mailbox, String password, Instant at) {
        return token(sharedKey, mailbox, password, UUID.randomUUID().toString(), 0, at);
    }

    /**
     * The NHSMESH header as NHS England's reference clients build it, written here from the published API and
     * not taken from the connector: {@code NHSMESH mailbox:nonce:count:yyyyMMddHHmm:hash}, the hash the hex
     * HMAC-SHA256 (shared key) of {@code mailbox:nonce:count:password:timestamp}.
     */
    static String token(String sharedKey, String mailbox, String password, String nonce, int count, Instant at) {
        String timestamp = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC).format(at);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = mailbox + ":" + nonce + ":" + count + ":" + password + ":" + timestamp;
            String hash = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            return "NHSMESH " + mailbox + ":" + nonce + ":" + count + ":" + timestamp + ":" + hash;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder req(String mailbox, String password, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header(MexHeaders.AUTHORIZATION, token(mailbox, password, Instant.now()))
                .header(MexHeaders.ACCEPT, MexHeaders.MEDIA_TYPE_V2);
    }

    HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder post(String from, String to, String workflow, byte[] body) {
        return req(from, "password", "/messageexchange/" + from + "/outbox").header(MexHeaders.TO, to)
                .header(MexHeaders.WORKFLOW_ID, workflow).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}

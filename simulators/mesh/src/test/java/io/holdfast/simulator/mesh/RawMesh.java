package io.holdfast.simulator.mesh;

import io.holdfast.mesh.protocol.MeshAuthToken;
import io.holdfast.mesh.protocol.MeshHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

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
        return MeshAuthToken.create(mailbox, password, sharedKey.getBytes(StandardCharsets.UTF_8), at).header();
    }

    HttpRequest.Builder req(String mailbox, String password, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header(MeshHeaders.AUTHORIZATION, token(mailbox, password, Instant.now()))
                .header(MeshHeaders.ACCEPT, MeshHeaders.MEDIA_TYPE_V2);
    }

    HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder post(String from, String to, String workflow, byte[] body) {
        return req(from, "password", "/messageexchange/" + from + "/outbox").header(MeshHeaders.TO, to)
                .header(MeshHeaders.WORKFLOW_ID, workflow).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}

package io.holdfast.simulator.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.simulator.mesh.MeshFaults.Fault;
import io.holdfast.simulator.mesh.MeshFaults.Operation;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshSimulatorProtocolTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.now());
    MeshSimulator sim;
    RawMesh mesh;

    @BeforeEach
    void start() {
        sim = MeshSimulator.builder().dataDir(dir).clock(clock).sharedKey("TestKey")
                .mailbox("X26ABC1", "password").mailbox("X26ABC2", "password", "TEST_WORKFLOW").start();
        mesh = new RawMesh(sim.baseUrl(), "TestKey");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    String send(String from, String to, byte[] body) throws Exception {
        HttpResponse<String> r = mesh.send(mesh.post(from, to, "TEST_WORKFLOW", body).header(MexHeaders.LOCAL_ID, "L-" + body.length).build());
        assertThat(r.statusCode()).isEqualTo(202);
        return json(r).path("message_id").asText();
    }

    @Test
    void handshakeNeedsTheClientHeaders() throws Exception {
        HttpRequest.Builder ok = mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1").header(MexHeaders.CLIENT_VERSION, "t")
                .header(MexHeaders.OS_NAME, "Linux").header(MexHeaders.OS_VERSION, "6").POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> r = mesh.send(ok.build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("mailbox_id").asText()).isEqualTo("X26ABC1");
        HttpResponse<String> missing = mesh.send(mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("mex-ClientVersion");
    }

    @Test
    void authenticationRules() throws Exception {
        String path = "/messageexchange/X26ABC1/inbox";
        assertThat(mesh.send(mesh.req("X26ABC1", "wrong", path).GET().build()).statusCode()).isEqualTo(403);
        assertThat(mesh.send(mesh.req("X26ABC2", "password", path).GET().build()).statusCode()).isEqualTo(403);
        String skewed = mesh.token("X26ABC1", "password", Instant.now().minus(Duration.ofHours(3)));
        HttpResponse<String> old = mesh.send(mesh.req("X26ABC1", "password", path).setHeader(MexHeaders.AUTHORIZATION, skewed).GET().build());
        assertThat(old.statusCode()).isEqualTo(403);
        String within = mesh.token("X26ABC1", "password", Instant.now().minus(Duration.ofMinutes(90)));
        assertThat(mesh.send(mesh.req("X26ABC1", "password", path).setHeader(MexHeaders.AUTHORIZATION, within).GET().build()).statusCode())
                .isEqualTo(200);
        String once = RawMesh.token("TestKey", "X26ABC1", "password", "nonce-1", 0, Instant.now());
        assertThat(mesh.send(mesh.req("X26ABC1", "password", path).setHeader(MexHeaders.AUTHORIZATION, once).GET().build()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> replay = mesh.send(mesh.req("X26ABC1", "password", path).setHeader(MexHeaders.AUTHORIZATION, once).GET().build());
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.body()).contains("Duplicated");
        HttpResponse<String> none = mesh.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + path))
                .header(MexHeaders.ACCEPT, MexHeaders.MEDIA_TYPE_V2).GET().build());
        assertThat(none.statusCode()).isEqualTo(403);
    }

    @Test
    void sendListDownloadAcknowledgeTrack() throws Exception {
        byte[] body = "hello mesh".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> posted = mesh.send(mesh.post("X26ABC1", "X26ABC2", "TEST_WORKFLOW", body)
                .header(MexHeaders.CONTENT_CHECKSUM, "md5:opaque").header(MexHeaders.LOCAL_ID, "local-1")
                .header(MexHeaders.SUBJECT, "subj").header(MexHeaders.FILE_NAME, "a.txt").build());
        assertThat(posted.statusCode()).isEqualTo(202);
        String id = json(posted).path("message_id").asText();
        HttpResponse<String> inbox = mesh.send(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox").GET().build());
        assertThat(json(inbox).path("messages").get(0).asText()).isEqualTo(id);
        assertThat(json(inbox).path("approx_inbox_count").asInt()).isEqualTo(1);
        HttpResponse<byte[]> got = mesh.bytes(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox/" + id).GET().build());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.headers().firstValue(MexHeaders.CHUNK_RANGE)).contains("1:1");
        assertThat(got.headers().firstValue(MexHeaders.CONTENT_CHECKSUM)).contains("md5:opaque");
        assertThat(got.headers().firstValue(MexHeaders.FROM)).contains("X26ABC1");
        assertThat(got.headers().firstValue(MexHeaders.LOCAL_ID)).contains("local-1");
        assertThat(got.headers().firstValue(MexHeaders.FILE_NAME)).contains("a.txt");
        assertThat(mesh.send(mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1/inbox/" + id).GET().build()).statusCode())
                .as("only the recipient downloads").isEqualTo(403);
        String track = "/messageexchange/X26ABC1/outbox/tracking?messageID=" + id;
        assertThat(json(mesh.send(mesh.req("X26ABC1", "password", track).GET().build())).path("status").asText()).isEqualTo("accepted");
        assertThat(mesh.send(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox/" + id + "/status/acknowledged")
                .PUT(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(200);
        assertThat(json(mesh.send(mesh.req("X26ABC1", "password", track).GET().build())).path("status").asText()).isEqualTo("acknowledged");
        JsonNode byLocal = json(mesh.send(mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1/outbox/tracking/local-1").GET().build()));
        assertThat(byLocal.path("message_id").asText()).isEqualTo(id);
        assertThat(mesh.send(mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1/outbox/tracking/nope").GET().build()).statusCode())
                .isEqualTo(404);
        assertThat(json(mesh.send(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox").GET().build())).path("messages")).isEmpty();
    }

    @Test
    void aSendMadeInProcessIsDownloadedAndAcknowledgedLikeAnUpload() throws Exception {
        byte[] body = "demo file".getBytes(StandardCharsets.UTF_8);
        String id = sim.send("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "demo.txt", body);
        HttpResponse<String> inbox = mesh.send(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox").GET().build());
        assertThat(json(inbox).path("messages").get(0).asText()).isEqualTo(id);
        HttpResponse<byte[]> got = mesh.bytes(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox/" + id).GET().build());
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.headers().firstValue(MexHeaders.FROM)).contains("X26ABC1");
        assertThat(got.headers().firstValue(MexHeaders.FILE_NAME)).contains("demo.txt");
        assertThat(got.headers().firstValue(MexHeaders.CONTENT_CHECKSUM))
                .contains("sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body)));

        assertThat(sim.acknowledgeInbox("x26abc2")).containsExactly(id);
        assertThat(sim.acknowledgeInbox("X26ABC2")).isEmpty();
        String track = "/messageexchange/X26ABC1/outbox/tracking?messageID=" + id;
        assertThat(json(mesh.send(mesh.req("X26ABC1", "password", track).GET().build())).path("status").asText()).isEqualTo("acknowledged");

        assertThatThrownBy(() -> sim.send("X26ABC1", "X26ABC9", "TEST_WORKFLOW", "a", body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X26ABC9");
        assertThatThrownBy(() -> sim.send("X26ABC1", "X26ABC2", "OTHER_WORKFLOW", "a", body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OTHER_WORKFLOW");
    }

    @Test
    void sendErrors() throws Exception {
        byte[] body = {1};
        String outbox = "/messageexchange/X26ABC1/outbox";
        assertThat(mesh.send(mesh.req("X26ABC1", "password", outbox).header(MexHeaders.WORKFLOW_ID, "TEST_WORKFLOW")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()).statusCode()).isEqualTo(400);
        assertThat(mesh.send(mesh.req("X26ABC1", "password", outbox).header(MexHeaders.TO, "X26ABC2")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = mesh.send(mesh.post("X26ABC1", "X26NOPE", "TEST_WORKFLOW", body).build());
        assertThat(unknown.statusCode()).isEqualTo(417);
        assertThat(json(unknown).path("detail").get(0).path("code").asText()).isEqualTo("12");
        HttpResponse<String> workflow = mesh.send(mesh.post("X26ABC1", "X26ABC2", "OTHER_WORKFLOW", body).build());
        assertThat(workflow.statusCode()).isEqualTo(403);
        assertThat(json(workflow).path("detail").get(0).path("code").asText()).isEqualTo("17");
        assertThat(mesh.send(mesh.post("X26ABC1", "X26ABC2", "TEST_WORKFLOW", new byte[0]).build()).statusCode()).isEqualTo(417);
        assertThat(mesh.send(mesh.post("X26ABC1", "X26ABC2", "TEST_WORKFLOW", body).header(MexHeaders.CHUNK_RANGE, "2:3").build())
                .statusCode()).isEqualTo(417);
        assertThat(mesh.send(mesh.post("X26ABC1", "X26ABC2", "TEST_WORKFLOW", body).header(MexHeaders.CONTENT_ENCODING, "br").build())
                .statusCode()).isEqualTo(422);
    }

    @Test
    void chunkedUploadAndDownloadWithGzipPassThrough() throws Exception {
        HttpResponse<String> first = mesh.send(mesh.post("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "aaa".getBytes())
                .header(MexHeaders.CHUNK_RANGE, "1:3").header(MexHeaders.CONTENT_ENCODING, "gzip").build());
        String id = json(first).path("message_id").asText();
        String track = "/messageexchange/X26ABC1/outbox/tracking?messageID=" + id;
        assertThat(json(mesh.send(mesh.req("X26ABC1", "password", track).GET().build())).path("status").asText()).isEqualTo("uploading");
        for (int n = 2; n <= 3; n++) {
            HttpResponse<String> c = mesh.send(mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1/outbox/" + id + "/" + n)
                    .header(MexHeaders.CHUNK_RANGE, n + ":3").header(MexHeaders.CONTENT_ENCODING, "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(("c" + n).getBytes())).build());
            assertThat(c.statusCode()).isEqualTo(202);
        }
        assertThat(json(mesh.send(mesh.req("X26ABC1", "password", track).GET().build())).path("status").asText()).isEqualTo("accepted");
        assertThat(mesh.send(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox/" + id).GET().build()).statusCode())
                .as("a compressed message only to a client that accepts gzip").isEqualTo(406);
        HttpResponse<byte[]> c1 = mesh.bytes(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox/" + id)
                .header(MexHeaders.ACCEPT_ENCODING, "gzip").GET().build());
        assertThat(c1.statusCode()).isEqualTo(206);
        assertThat(c1.headers().firstValue(MexHeaders.CHUNK_RANGE)).contains("1:3");
        assertThat(c1.headers().firstValue(MexHeaders.CONTENT_ENCODING)).contains("gzip");
        HttpResponse<byte[]> c3 = mesh.bytes(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox/" + id + "/3")
                .header(MexHeaders.ACCEPT_ENCODING, "gzip, deflate").GET().build());
        assertThat(c3.statusCode()).isEqualTo(200);
        assertThat(new String(c3.body())).isEqualTo("c3");
        assertThat(mesh.send(mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox/" + id + "/4").GET().build()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> late = mesh.send(mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1/outbox/" + id + "/3")
                .header(MexHeaders.CHUNK_RANGE, "3:3").header(MexHeaders.CONTENT_ENCODING, "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray("x".getBytes())).build());
        assertThat(late.statusCode()).as("chunk to a message no longer uploading").isEqualTo(423);
    }

    @Test
    void inboxPaging() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(send("X26ABC1", "X26ABC2", new byte[i]));
        }
        List<String> seen = new ArrayList<>();
        String path = "/messageexchange/X26ABC2/inbox?max_results=2";
        int pages = 0;
        while (path != null) {
            JsonNode page = json(mesh.send(mesh.req("X26ABC2", "password", path).GET().build()));
            page.path("messages").forEach(m -> seen.add(m.asText()));
            path = page.path("links").has("next") ? page.path("links").path("next").asText() : null;
            pages++;
        }
        assertThat(seen).containsExactlyElementsOf(sent);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void unacknowledgedMessagesExpireAfterFiveDaysWithAnErrorReport() throws Exception {
        String id = send("X26ABC1", "X26ABC2", "late".getBytes());
        clock.advance(Duration.ofDays(4));
        assertThat(sim.expire()).isEmpty();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(sim.expire()).containsExactly(id);
        // A token made by the test's real clock would be 5 days off the simulator's; use the simulator's time.
        String track = "/messageexchange/X26ABC1/outbox/tracking?messageID=" + id;
        JsonNode t = json(mesh.send(mesh.req("X26ABC1", "password", track)
                .setHeader(MexHeaders.AUTHORIZATION, mesh.token("X26ABC1", "password", clock.instant())).GET().build()));
        assertThat(t.path("status").asText()).isEqualTo("undeliverable");
        assertThat(t.path("status_code").asText()).isEqualTo("14");
        JsonNode inbox = json(mesh.send(mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1/inbox")
                .setHeader(MexHeaders.AUTHORIZATION, mesh.token("X26ABC1", "password", clock.instant())).GET().build()));
        String reportId = inbox.path("messages").get(0).asText();
        HttpResponse<byte[]> report = mesh.bytes(mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1/inbox/" + reportId)
                .setHeader(MexHeaders.AUTHORIZATION, mesh.token("X26ABC1", "password", clock.instant())).GET().build());
        assertThat(report.headers().firstValue(MexHeaders.MESSAGE_TYPE)).contains("REPORT");
        assertThat(report.headers().firstValue(MexHeaders.LINKED_MESSAGE_ID)).contains(id);
        assertThat(report.headers().firstValue(MexHeaders.STATUS_CODE)).contains("14");
        clock.advance(Duration.ofDays(26));
        sim.expire();
        assertThat(sim.store().get(id)).as("deleted after 30 days").isEmpty();
    }

    @Test
    void injectedFaults() throws Exception {
        String inbox = "/messageexchange/X26ABC2/inbox";
        sim.faults().inject(Operation.INBOX, new Fault.Status(429));
        HttpResponse<String> limited = mesh.send(mesh.req("X26ABC2", "password", inbox).GET().build());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        sim.faults().inject(Operation.INBOX, new Fault.Status(503));
        assertThat(mesh.send(mesh.req("X26ABC2", "password", inbox).GET().build()).statusCode()).isEqualTo(503);
        assertThat(mesh.send(mesh.req("X26ABC2", "password", inbox).GET().build()).statusCode()).isEqualTo(200);
        sim.faults().inject(Operation.INBOX, new Fault.Slow(Duration.ofMillis(400)));
        long t0 = System.nanoTime();
        assertThat(mesh.send(mesh.req("X26ABC2", "password", inbox).GET().build()).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        String id = send("X26ABC1", "X26ABC2", new byte[200_000]);
        sim.faults().inject(Operation.DOWNLOAD, new Fault.DropMidBody());
        assertThatThrownBy(() -> mesh.bytes(mesh.req("X26ABC2", "password", inbox + "/" + id).GET().build())).isInstanceOf(IOException.class);
        assertThat(mesh.bytes(mesh.req("X26ABC2", "password", inbox + "/" + id).GET().build()).body()).hasSize(200_000);

        sim.faults().inject(Operation.SEND, new Fault.DropAfterCommit());
        assertThatThrownBy(() -> mesh.send(mesh.post("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "ambiguous".getBytes())
                .header(MexHeaders.LOCAL_ID, "amb-1").build())).isInstanceOf(IOException.class);
        JsonNode t = json(mesh.send(mesh.req("X26ABC1", "password", "/messageexchange/X26ABC1/outbox/tracking/amb-1").GET().build()));
        assertThat(t.path("status").asText()).as("accepted although the client got no answer").isEqualTo("accepted");
    }
}

package io.holdfast.simulator.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Message ids, compressed messages as MESH stores them, per-chunk compression and the forms of links.next. */
class MeshSimulatorDownloadFormsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    MeshSimulator sim;
    RawMesh mesh;

    void start(MeshSimulator.Builder b) {
        sim = b.dataDir(dir).sharedKey("TestKey").mailbox("X26ABC1", "password").mailbox("X26ABC2", "password").start();
        mesh = new RawMesh(sim.baseUrl(), "TestKey");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    HttpResponse<byte[]> chunk(String id, int n, boolean acceptGzip) throws Exception {
        var b = mesh.req("X26ABC2", "password", "/messageexchange/X26ABC2/inbox/" + id + (n == 1 ? "" : "/" + n));
        if (acceptGzip) {
            b.header(MexHeaders.ACCEPT_ENCODING, "gzip");
        }
        return mesh.bytes(b.GET().build());
    }

    @Test
    void messageIdsHaveTheMeshFormat() {
        start(MeshSimulator.builder());
        String id = sim.send("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "a.txt", new byte[] {1});
        assertThat(id).matches("[0-9]{20}_[0-9A-F]{6}");
        assertThat(id).matches("[0-9]{20}_[0-9A-F]{6}");
    }

    @Test
    void aCompressedMessageIsOneGzipStreamSplitIntoChunks() throws Exception {
        start(MeshSimulator.builder());
        byte[] content = "PID|1||9434765919^^^NHS\r".repeat(2000).getBytes(StandardCharsets.US_ASCII);
        String id = sim.sendCompressed("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "big.txt", content, 2);
        assertThat(chunk(id, 1, false).statusCode()).as("not to a client that cannot gunzip").isEqualTo(406);
        HttpResponse<byte[]> first = chunk(id, 1, true);
        HttpResponse<byte[]> second = chunk(id, 2, true);
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue(MexHeaders.CONTENT_ENCODING)).contains("gzip");
        assertThat(second.headers().firstValue(MexHeaders.CONTENT_ENCODING)).contains("gzip");
        assertThat(first.headers().firstValue(MexHeaders.CONTENT_COMPRESSED)).contains("Y");
        assertThat(second.body()[0] == (byte) 0x1f && second.body()[1] == (byte) 0x8b).as("chunk 2 is no gzip stream of its own").isFalse();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(first.body());
        joined.write(second.body());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(joined.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aV2ServerMayGzipEachUncompressedChunkForAClientThatAcceptsIt() throws Exception {
        start(MeshSimulator.builder().compressForGzipClients(true));
        String id = sim.send("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "a.txt", "plain text".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<byte[]> plain = chunk(id, 1, false);
        assertThat(plain.headers().firstValue(MexHeaders.CONTENT_ENCODING)).isEmpty();
        assertThat(plain.body()).asString(StandardCharsets.US_ASCII).isEqualTo("plain text");
        HttpResponse<byte[]> gz = chunk(id, 1, true);
        assertThat(gz.headers().firstValue(MexHeaders.CONTENT_ENCODING)).contains("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("plain text");
        }
    }

    @ParameterizedTest
    @EnumSource(MeshSimulator.LinkStyle.class)
    void linksNextInEachFormResolvesToTheNextPage(MeshSimulator.LinkStyle style) throws Exception {
        start(MeshSimulator.builder().links(style));
        for (int i = 0; i < 3; i++) {
            sim.send("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "a.txt", new byte[] {(byte) i});
        }
        URI page = URI.create(sim.baseUrl() + "/messageexchange/X26ABC2/inbox?max_results=2");
        JsonNode first = JSON.readTree(mesh.send(mesh.req("X26ABC2", "password", page.getRawPath() + "?" + page.getRawQuery())
                .GET().build()).body());
        String link = first.path("links").path("next").asText();
        URI next = page.resolve(link);
        JsonNode second = JSON.readTree(mesh.send(mesh.req("X26ABC2", "password", next.getRawPath() + "?" + next.getRawQuery())
                .GET().build()).body());
        assertThat(second.path("messages")).as(style + ": " + link).hasSize(1);
        assertThat(link.startsWith("http://")).isEqualTo(style == MeshSimulator.LinkStyle.ABSOLUTE_URL);
    }
}

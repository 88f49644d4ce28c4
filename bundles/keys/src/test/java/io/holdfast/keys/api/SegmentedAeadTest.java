package io.holdfast.keys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.keys.internal.KeystoreMasterKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentedAeadTest {
    private static final byte[] AAD = "payload/2025/11/msg-42".getBytes(StandardCharsets.UTF_8);
    private static final int SMALL_SEGMENT = 16;

    @TempDir
    static Path data;

    private static KeystoreMasterKeys keys;

    @BeforeAll
    static void open() {
        keys = KeystoreMasterKeys.open(data.resolve("keys/master.p12"), "pass".toCharArray(), true, data);
    }

    @AfterAll
    static void close() {
        keys.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 10 * 1024 * 1024})
    void roundTripsThroughStreamsAndByteArrays(int size) throws IOException {
        byte[] plain = random(size);
        byte[] streamed = encryptWithStream(plain, SegmentedAead.SEGMENT_SIZE);
        byte[] sealed = SegmentedAead.seal(keys, plain, AAD);

        assertThat((long) streamed.length).isEqualTo(SegmentedAead.sealedLength(size));
        assertThat((long) sealed.length).isEqualTo(SegmentedAead.sealedLength(size));
        assertThat(decryptWithStream(streamed)).isEqualTo(plain);
        assertThat(decryptWithStream(sealed)).isEqualTo(plain);
        assertThat(SegmentedAead.open(keys, streamed, AAD)).isEqualTo(plain);
        assertThat(SegmentedAead.open(keys, sealed, AAD)).isEqualTo(plain);
    }

    @Test
    void smallPayloadIsOneCompactRecord() {
        byte[] sealed = SegmentedAead.seal(keys, new byte[100], AAD);
        assertThat(sealed).hasSize(20 + 4 + 100 + 16).startsWith('H', 'F', 'S', '1');
        assertThat(ByteBuffer.wrap(sealed, 20, 4).getInt()).isEqualTo(0x8000_0000 | 116);
    }

    @Test
    void streamWrittenByteByByteMatches() throws IOException {
        byte[] plain = random(3 * SMALL_SEGMENT + 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = SegmentedAead.encryptingStream(keys, out, AAD, SMALL_SEGMENT)) {
            for (byte b : plain) {
                enc.write(b);
            }
        }
        InputStream dec = SegmentedAead.decryptingStream(keys, new ByteArrayInputStream(out.toByteArray()), AAD);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        for (int b = dec.read(); b != -1; b = dec.read()) {
            back.write(b);
        }
        assertThat(back.toByteArray()).isEqualTo(plain);
    }

    @Test
    void everyTruncationIsDetected() throws IOException {
        byte[] sealed = encryptWithStream(random(3 * SMALL_SEGMENT + 5), SMALL_SEGMENT);
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = Arrays.copyOf(sealed, length);
            assertIntegrity(() -> SegmentedAead.open(keys, cut, AAD));
            assertIntegrity(() -> decryptWithStream(cut));
        }
    }

    @Test
    void everyBitFlipIsDetected() throws IOException {
        byte[] sealed = encryptWithStream(random(2 * SMALL_SEGMENT + 3), SMALL_SEGMENT);
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) (1 << bit);
                boolean versionByte = i >= 4 && i < 8;
                ThrowingCallable call = () -> SegmentedAead.open(keys, tampered, AAD);
                if (versionByte) {
                    assertThatThrownBy(call).isInstanceOf(HoldfastException.class);
                } else {
                    assertIntegrity(call);
                    assertIntegrity(() -> decryptWithStream(tampered));
                }
            }
        }
    }

    @Test
    void swappedDroppedDuplicatedOrReflaggedSegmentsAreDetected() throws IOException {
        byte[] sealed = encryptWithStream(random(3 * SMALL_SEGMENT + 5), SMALL_SEGMENT);
        int record = 4 + SMALL_SEGMENT + 16;
        byte[] header = Arrays.copyOf(sealed, 20);
        byte[] r0 = Arrays.copyOfRange(sealed, 20, 20 + record);
        byte[] r1 = Arrays.copyOfRange(sealed, 20 + record, 20 + 2 * record);
        byte[] rest = Arrays.copyOfRange(sealed, 20 + 2 * record, sealed.length);

        assertBothRefuse(concat(header, r1, r0, rest));
        assertBothRefuse(concat(header, r0, rest));
        assertBothRefuse(concat(header, r0, r0, r1, rest));
        assertBothRefuse(concat(header, r0, r1));
        byte[] earlyFinal = concat(header, r0);
        earlyFinal[20] |= (byte) 0x80;
        assertBothRefuse(earlyFinal);
    }

    @Test
    void appendedBytesAreDetectedBeforeTheFinalPlaintextIsReturned() throws IOException {
        byte[] sealed = encryptWithStream(random(2 * SMALL_SEGMENT + 3), SMALL_SEGMENT);
        assertBothRefuse(concat(sealed, new byte[] {0}));
        assertBothRefuse(concat(sealed, Arrays.copyOfRange(sealed, 20, sealed.length)));

        InputStream dec = SegmentedAead.decryptingStream(keys, new ByteArrayInputStream(concat(sealed, new byte[] {7})), AAD);
        byte[] first = new byte[2 * SMALL_SEGMENT];
        assertThat(dec.readNBytes(first, 0, first.length)).isEqualTo(first.length);
        assertIntegrity(dec::read);
    }

    @Test
    void payloadBoundToItsAadAndHeader() throws IOException {
        byte[] sealed = encryptWithStream(random(40), SMALL_SEGMENT);
        assertIntegrity(() -> SegmentedAead.open(keys, sealed, "payload/other".getBytes(StandardCharsets.UTF_8)));
        byte[] otherPayload = encryptWithStream(random(40), SMALL_SEGMENT);
        byte[] spliced = concat(Arrays.copyOf(otherPayload, 20), Arrays.copyOfRange(sealed, 20, sealed.length));
        assertBothRefuse(spliced);
        byte[] hugeSegments = sealed.clone();
        ByteBuffer.wrap(hugeSegments).putInt(16, Integer.MAX_VALUE);
        assertBothRefuse(hugeSegments);
    }

    @Test
    void unclosedEncryptingStreamReadsAsTruncated() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream enc = SegmentedAead.encryptingStream(keys, out, AAD, SMALL_SEGMENT);
        enc.write(random(5 * SMALL_SEGMENT));
        enc.flush();
        assertBothRefuse(out.toByteArray());
    }

    @Test
    void failedStartClosesTheHandedOverStream() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream(new byte[3]) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        assertIntegrity(() -> SegmentedAead.decryptingStream(keys, in, AAD));
        assertThat(closed).isTrue();
    }

    /** Runs under surefire's -Xmx96m: buffering either side of a 100 MB stream would not fit. */
    @Test
    void hundredMegabytesStreamThroughAPipeInConstantMemory() throws Exception {
        long size = 100L * 1024 * 1024;
        PipedInputStream pipeIn = new PipedInputStream(64 * 1024);
        PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<byte[]> written = writer.submit(() -> {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] chunk = new byte[8192];
                Random random = new Random(1);
                try (OutputStream enc = SegmentedAead.encryptingStream(keys, pipeOut, AAD)) {
                    for (long n = 0; n < size; n += chunk.length) {
                        random.nextBytes(chunk);
                        sha.update(chunk);
                        enc.write(chunk);
                    }
                }
                return sha.digest();
            });
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (InputStream dec = SegmentedAead.decryptingStream(keys, pipeIn, AAD)) {
                byte[] buffer = new byte[8192];
                for (int n = dec.read(buffer); n != -1; n = dec.read(buffer)) {
                    sha.update(buffer, 0, n);
                    total += n;
                }
            }
            assertThat(total).isEqualTo(size);
            assertThat(sha.digest()).isEqualTo(written.get());
        } finally {
            writer.shutdownNow();
        }
    }

    private void assertBothRefuse(byte[] sealed) {
        assertIntegrity(() -> SegmentedAead.open(keys, sealed, AAD));
        assertIntegrity(() -> decryptWithStream(sealed));
    }

    private static void assertIntegrity(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HoldfastException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PAYLOAD_INTEGRITY));
    }

    static byte[] encryptWithStream(byte[] plain, int segmentSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = SegmentedAead.encryptingStream(keys, out, AAD, segmentSize)) {
            // Odd chunk sizes exercise segment boundaries that do not line up with writes.
            for (int off = 0; off < plain.length; off += 7_777) {
                enc.write(plain, off, Math.min(7_777, plain.length - off));
            }
        }
        return out.toByteArray();
    }

    static byte[] decryptWithStream(byte[] sealed) throws IOException {
        try (InputStream dec = SegmentedAead.decryptingStream(keys, new ByteArrayInputStream(sealed), AAD)) {
            return dec.readAllBytes();
        }
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

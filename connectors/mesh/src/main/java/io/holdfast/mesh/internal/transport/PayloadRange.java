package io.holdfast.mesh.internal.transport;

import io.holdfast.api.message.Payload;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;

/** A byte range of a payload as a request body, re-openable for retries, never loaded into heap. */
final class PayloadRange {
    private PayloadRange() {
    }

    static HttpRequest.BodyPublisher publisher(Payload payload, long offset, long length) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> open(payload, offset, length)),
                length);
    }

    static InputStream open(Payload payload, long offset, long length) {
        try {
            InputStream in = payload.open();
            in.skipNBytes(offset);
            return new Bounded(in, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}

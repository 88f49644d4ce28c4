package io.holdfast.transport.http.internal.transport;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a cap and no further: once the cap is passed it cancels the subscription,
 * which makes the JDK client drop the connection, so a huge or endless body is never read into memory
 * (the JDK's own handlers read everything). {@link #abort} does the same when the response takes too long.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<CappedBody> {
    private final int cap;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    CappedBodySubscriber(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<CappedBody> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            int room = cap - out.size();
            int take = Math.min(room, b.remaining());
            byte[] chunk = new byte[take];
            b.get(chunk);
            out.write(chunk, 0, take);
            if (b.hasRemaining()) {
                subscription.cancel();
                result.complete(new CappedBody(out.toByteArray(), true));
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(new CappedBody(out.toByteArray(), false));
    }

    /** Stops reading (timeout): the connection is dropped. */
    void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.cancel(false);
    }
}

package dev.otapress.doctor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a cap: a server that sends more (or announces more in
 * Content-Length) gets its connection cancelled instead of filling the heap.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was, or was announced to be, larger than the cap. */
    static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("the body is larger than " + CheckLimits.size(cap));
        }
    }

    private final long cap;
    private final long announced;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    BoundedBody(long cap, long announced) {
        this.cap = cap;
        this.announced = announced;
    }

    /** @param head whether the request is a HEAD, whose Content-Length announces a body that never comes */
    static HttpResponse.BodyHandler<byte[]> handler(long cap, boolean head, java.util.function.Consumer<BoundedBody> created) {
        return info -> {
            long announced = head ? -1 : info.headers().firstValueAsLong("content-length").orElse(-1);
            BoundedBody body = new BoundedBody(cap, announced);
            created.accept(body);
            return body;
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (announced > cap) {
            fail(new TooLarge(cap));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer b : items) {
            if (bytes.size() + (long) b.remaining() > cap) {
                fail(new TooLarge(cap));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading: the connection is dropped and the body completes with the reason. */
    void fail(Throwable reason) {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
        result.completeExceptionally(reason);
    }
}

package dev.otapress.doctor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every HTTP request of a check, bounded: only hosts the policy allows, no redirects followed,
 * a total time per request (a body trickling in at a byte a second ends too), a cap on each
 * body, the run's deadline, and no more requests to a host that has stopped answering or keeps
 * sending more than asked.
 * Failures come back as a {@link Response} with the reason; nothing here throws.
 */
final class Fetcher {

    private final HttpClient http;
    private final HostPolicy hosts;
    private final CheckLimits limits;
    private final long deadlineNanos;
    /** Per origin, requests that ran out of time or sent too much: a host that does so repeatedly is asked no more. */
    private final Map<String, Integer> misbehaved = new ConcurrentHashMap<>();

    Fetcher(PortalTrust trust, HostPolicy hosts, CheckLimits limits, long startNanos) {
        this.hosts = hosts;
        this.limits = limits;
        this.deadlineNanos = startNanos + limits.deadline().toNanos();
        // Never follow redirects: the install daemon does not, so a redirect is itself a fault.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.requestTimeout())
                .sslContext(trust.sslContext())
                .build();
    }

    HostPolicy hosts() {
        return hosts;
    }

    CheckLimits limits() {
        return limits;
    }

    /** Time left before the run's deadline. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** What a GET reads, each with its own cap and the flag that raises it. */
    enum Body {
        LISTING("--max-listing-mb"), PAGE("--max-page-mb"), MANIFEST("--max-manifest-kb"), NONE("");

        private final String flag;

        Body(String flag) {
            this.flag = flag;
        }

        long cap(CheckLimits limits) {
            return switch (this) {
                case LISTING -> limits.maxListingBytes();
                case PAGE -> limits.maxPageBytes();
                case MANIFEST -> limits.maxManifestBytes();
                case NONE -> 0;
            };
        }
    }

    Response get(URI url, Body kind) {
        return send("GET", url, kind);
    }

    Response head(URI url) {
        return send("HEAD", url, Body.NONE);
    }

    private Response send(String method, URI url, Body kind) {
        long maxBytes = kind.cap(limits);
        Optional<String> refusal = hosts.refusal(url);
        if (refusal.isPresent()) return Response.failed(Response.Failure.OFF_HOST, refusal.get());
        Duration left = remaining();
        if (left.isZero()) {
            return Response.failed(Response.Failure.NO_ANSWER, "not requested: the run's deadline of " + CheckLimits.seconds(limits.deadline())
                    + " passed (raise it with --deadline)");
        }
        String origin = HostPolicy.origin(url);
        if (misbehaved.getOrDefault(origin, 0) >= CheckLimits.FAILURES_PER_HOST) {
            return Response.failed(Response.Failure.NO_ANSWER, "not requested: " + origin + " already failed "
                    + CheckLimits.FAILURES_PER_HOST + " requests (no complete answer within "
                    + CheckLimits.seconds(limits.requestTimeout()) + ", or a body over its cap)");
        }
        Duration wait = left.compareTo(limits.requestTimeout()) < 0 ? left : limits.requestTimeout();
        AtomicReference<BoundedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(wait)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            future = http.sendAsync(request, BoundedBody.handler(maxBytes, method.equals("HEAD"), body::set));
        } catch (IllegalArgumentException e) {
            return Response.failed(Response.Failure.OFF_HOST, "not requested: " + e.getMessage());
        }
        try {
            HttpResponse<byte[]> response = future.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            return Response.answered(response.statusCode(), response.headers().map(), response.body());
        } catch (TimeoutException e) {
            return timedOut(origin, future, body.get(), wait);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) return timedOut(origin, future, body.get(), wait);
            if (cause instanceof BoundedBody.TooLarge) {
                misbehaved.merge(origin, 1, Integer::sum);
                return Response.failed(Response.Failure.TOO_LARGE, cause.getMessage() + (kind.flag.isEmpty() ? "" : " (raise the cap with " + kind.flag + ")"));
            }
            return Response.failed(Response.Failure.NETWORK, cause instanceof IOException && cause.getMessage() != null
                    ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : String.valueOf(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Response.failed(Response.Failure.NO_ANSWER, "interrupted");
        }
    }

    private Response timedOut(String origin, CompletableFuture<?> future, BoundedBody body, Duration waited) {
        if (body != null) body.fail(new HttpTimeoutException("timed out"));
        future.cancel(true);
        misbehaved.merge(origin, 1, Integer::sum);
        boolean deadline = waited.compareTo(limits.requestTimeout()) < 0;
        return Response.failed(Response.Failure.NO_ANSWER, deadline
                ? "no complete answer before the run's deadline of " + CheckLimits.seconds(limits.deadline()) + " (raise it with --deadline)"
                : "no complete answer within " + CheckLimits.seconds(limits.requestTimeout()) + " (raise it with --timeout)");
    }
}

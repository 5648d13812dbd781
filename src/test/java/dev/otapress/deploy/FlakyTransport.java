package dev.otapress.deploy;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drops the first attempts of each upload request as a reset connection would, inside the SDK's
 * retry loop (every attempt passes here before it is sent), so the client's own retries with
 * backoff have to deliver the bytes.
 */
final class FlakyTransport implements ExecutionInterceptor {
    private final int failures;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    /** @param failures the attempts of each upload or part that fail before one goes through */
    FlakyTransport(int failures) {
        this.failures = failures;
    }

    /** Attempts made per request ("PUT key", "PART key #n"). */
    Map<String, Integer> attempts() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        attempts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String request = describe(context.request());
        if (request == null) return;
        int attempt = attempts.computeIfAbsent(request, k -> new AtomicInteger()).incrementAndGet();
        if (attempt <= failures) {
            throw SdkClientException.create("connection reset (attempt " + attempt + " of " + request + ", dropped by the test)",
                    new IOException("Connection reset"));
        }
    }

    private static String describe(SdkRequest request) {
        if (request instanceof PutObjectRequest p) return "PUT " + p.key();
        if (request instanceof UploadPartRequest p) return "PART " + p.key() + " #" + p.partNumber();
        return null;
    }
}

package dev.otapress.deploy;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records the writes the server answered, in the order it answered them ("PUT key", "PART key",
 * "COMPLETE key", "DELETE key"), and can make a chosen write fail as a dropped connection would.
 */
final class RequestLog implements ExecutionInterceptor {
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final Predicate<String> failing;

    RequestLog() {
        this(w -> false);
    }

    /** @param failing which writes ("PUT key" …) fail, on every attempt */
    RequestLog(Predicate<String> failing) {
        this.failing = failing;
    }

    List<String> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    List<String> puts() {
        return writes().stream().filter(w -> w.startsWith("PUT ") || w.startsWith("COMPLETE ")).map(w -> w.substring(w.indexOf(' ') + 1)).toList();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        for (String w : describe(context.request())) {
            if (failing.test(w)) throw SdkClientException.create("connection reset (injected by the test) for " + w);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        writes.addAll(describe(context.request()));
    }

    private static List<String> describe(SdkRequest request) {
        if (request instanceof PutObjectRequest p) return List.of("PUT " + p.key());
        if (request instanceof UploadPartRequest p) return List.of("PART " + p.key());
        if (request instanceof CompleteMultipartUploadRequest c) return List.of("COMPLETE " + c.key());
        if (request instanceof DeleteObjectRequest d) return List.of("DELETE " + d.key());
        if (request instanceof DeleteObjectsRequest d) return d.delete().objects().stream().map(ObjectIdentifier::key).map(k -> "DELETE " + k).toList();
        return List.of();
    }
}

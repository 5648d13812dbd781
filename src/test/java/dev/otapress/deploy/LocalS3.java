package dev.otapress.deploy;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A real S3 API server (S3Proxy) in this JVM, on a filesystem store, listening on 127.0.0.1 only.
 * It checks request signatures and Content-MD5 as S3 does.
 */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "otapress-test";
    public static final String SECRET_KEY = "otapress-test-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final List<S3Proxy> views = new ArrayList<>();

    private LocalS3(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    /** Starts a server storing under {@code dir}; throws when it cannot start. */
    public static LocalS3 start(Path dir) throws Exception {
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", dir.toString());
        return start(ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                .overrides(p).buildView(BlobStoreContext.class));
    }

    /**
     * Starts a server keeping objects in memory. Its keys are flat, as on AWS: a folder is no
     * object, where the filesystem store answers a key ending in '/' with an empty folder object.
     */
    public static LocalS3 startInMemory() throws Exception {
        return start(ContextBuilder.newBuilder("transient").credentials("identity", "credential").buildView(BlobStoreContext.class));
    }

    /** Starts a server keeping objects in memory whose ETags are not the MD5 of the bytes, as on AWS with SSE-KMS. */
    public static LocalS3 startWithOpaqueEtags() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .buildView(BlobStoreContext.class);
        return start(context, new OpaqueEtagBlobStore(context.getBlobStore()));
    }

    private static LocalS3 start(BlobStoreContext context) throws Exception {
        return start(context, context.getBlobStore());
    }

    private static LocalS3 start(BlobStoreContext context, org.jclouds.blobstore.BlobStore store) throws Exception {
        S3Proxy proxy = S3Proxy.builder().blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        started(proxy);
        return new LocalS3(proxy, context);
    }

    private static void started(S3Proxy proxy) throws Exception {
        proxy.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            Thread.sleep(10);
        }
    }

    /** The same buckets served to anyone, as a bucket policy granting s3:GetObject to everyone does on AWS. */
    public record PublicView(URI http, URI https) {
    }

    /** Serves the same store without authentication, over http and over https with the given server context. */
    public PublicView servePublicly(SSLContext tls) throws Exception {
        S3Proxy view = S3Proxy.builder().blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .secureEndpoint(URI.create("https://127.0.0.1:0")).sslContext(tls)
                .build();
        started(view);
        views.add(view);
        return new PublicView(URI.create("http://127.0.0.1:" + view.getPort()), URI.create("https://127.0.0.1:" + view.getSecurePort()));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public Connection connection() {
        return new Connection(endpoint(), "us-east-1", null);
    }

    /** A client as the CLI makes it, with the test's credentials and any interceptors. */
    public S3Client client(ExecutionInterceptor... interceptors) {
        return client(ACCESS_KEY, SECRET_KEY, interceptors);
    }

    public S3Client client(String accessKey, String secretKey, ExecutionInterceptor... interceptors) {
        S3ClientBuilder b = S3Clients.builder(connection())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        b.overrideConfiguration(o -> {
            o.retryStrategy(r -> r.maxAttempts(S3Clients.ATTEMPTS));
            for (ExecutionInterceptor i : interceptors) o.addExecutionInterceptor(i);
        });
        return b.build();
    }

    public void createBucket(String name) {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(name));
        }
    }

    @Override
    public void close() throws Exception {
        for (S3Proxy view : views) view.stop();
        proxy.stop();
        context.close();
    }
}

package dev.otapress.deploy;

import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaTypes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * The few S3 calls a deploy makes, on one bucket and prefix. Every upload carries its Content-MD5,
 * so the store refuses bytes that do not match what was read here; every failure becomes a
 * {@link DeployException} whose message says what to do.
 */
public final class ObjectStore {
    /** Marks a prefix as otapress's, as {@code .otapress-output} marks an output folder. */
    public static final String MARKER = ".otapress-output";
    private static final String MARKER_TEXT = "Published by otapress deploy. Every deploy replaces the objects under this prefix"
            + " and deletes the ones its portal no longer has.\n";

    private final S3Client s3;
    private final S3Location location;
    private final String endpoint;

    /** @param endpoint how the endpoint is named in messages */
    public ObjectStore(S3Client s3, S3Location location, String endpoint) {
        this.s3 = s3;
        this.location = location;
        this.endpoint = endpoint;
    }

    public S3Location location() {
        return location;
    }

    /** Every object under the prefix, and only under it. */
    public List<RemoteObject> list() throws DeployException {
        List<RemoteObject> objects = new ArrayList<>();
        try {
            String token = null;
            do {
                ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(location.bucket()).prefix(location.prefix());
                if (token != null) request.continuationToken(token);
                ListObjectsV2Response page = s3.listObjectsV2(request.build());
                for (S3Object o : page.contents()) {
                    // The prefix ends in '/', so this holds; checked anyway, since a deletion depends on it.
                    if (!o.key().startsWith(location.prefix())) continue;
                    // A key ending in '/' is a folder placeholder (the S3 console's "Create folder", file-system
                    // backed stores): it holds nothing and no portal file has such a name, so it is left alone.
                    if (o.key().endsWith("/")) continue;
                    objects.add(new RemoteObject(o.key(), o.eTag(), o.size()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw StoreErrors.translate(e, location, endpoint, "listing");
        }
        return objects;
    }

    /** Writes the marker object that makes the prefix otapress's. */
    public void putMarker() throws DeployException {
        // A plain-text note to whoever browses the bucket.
        put(MARKER, MARKER_TEXT.getBytes(StandardCharsets.UTF_8), ObjectHeaders.of(HttpRules.forType(MediaTypes.forName("marker.txt"))),
                "writing the marker " + MARKER + " to");
    }

    /**
     * The deploy state this prefix holds, read with one GET, or {@link DeployState#EMPTY} when the
     * listing shows none or it is too large to be one.
     */
    public DeployState readState(List<RemoteObject> listing) throws DeployException {
        String key = location.key(DeployState.KEY);
        RemoteObject listed = listing.stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
        if (listed == null || listed.size() > DeployState.MAX_BYTES) return DeployState.EMPTY;
        try {
            return DeployState.parse(s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return DeployState.EMPTY;
        } catch (SdkException e) {
            throw StoreErrors.translate(e, location, endpoint, "reading " + DeployState.KEY + " from");
        }
    }

    /** Writes the deploy state, the last write of a deploy. */
    public void putState(DeployState state) throws DeployException {
        put(DeployState.KEY, state.toJson(), ObjectHeaders.of(HttpRules.forType(MediaTypes.forName(DeployState.KEY))),
                "writing " + DeployState.KEY + " to");
    }

    private void put(String name, byte[] bytes, ObjectHeaders h, String action) throws DeployException {
        String key = location.key(name);
        try {
            s3.putObject(b -> b.bucket(location.bucket()).key(key).contentType(h.contentType()).cacheControl(h.cacheControl())
                            .contentMD5(java.util.Base64.getEncoder().encodeToString(md5(bytes))),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw StoreErrors.translate(e, location, endpoint, action);
        }
    }

    /**
     * Uploads one file under its site path: in one request up to the checksum's part size, else
     * in parts, several at a time on {@code parts}. A failed multipart upload is aborted, so no
     * orphan parts are left to bill.
     *
     * @param sent told the bytes of each request that completed
     * @return the ETag the store gave the object, or null when it named none
     */
    public String upload(LocalObject object, ExecutorService parts, LongConsumer sent) throws DeployException {
        String key = location.key(object.sitePath());
        Checksum sum = object.checksum();
        ObjectHeaders h = object.headers();
        try {
            if (!sum.multipart()) {
                String etag = s3.putObject(b -> b.bucket(location.bucket()).key(key).contentType(h.contentType())
                                .cacheControl(h.cacheControl()).contentDisposition(h.contentDisposition()).contentMD5(sum.contentMd5())
                                .contentLength(sum.size()),
                        body(object.file(), 0, sum.size(), h.contentType())).eTag();
                sent.accept(sum.size());
                return etag;
            }
            CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(location.bucket()).key(key)
                    .contentType(h.contentType()).cacheControl(h.cacheControl()).contentDisposition(h.contentDisposition()));
            String uploadId = created.uploadId();
            try {
                List<Future<CompletedPart>> futures = new ArrayList<>();
                for (int i = 0; i < sum.parts().size(); i++) {
                    int index = i;
                    long offset = index * sum.partSize();
                    long length = Math.min(sum.partSize(), sum.size() - offset);
                    futures.add(parts.submit(() -> {
                        String etag = s3.uploadPart(b -> b.bucket(location.bucket()).key(key).uploadId(uploadId)
                                        .partNumber(index + 1).contentMD5(sum.partMd5(index)).contentLength(length),
                                body(object.file(), offset, length, h.contentType())).eTag();
                        sent.accept(length);
                        return CompletedPart.builder().partNumber(index + 1).eTag(etag).build();
                    }));
                }
                List<CompletedPart> completed = Deployer.awaitAll(futures);
                return s3.completeMultipartUpload(b -> b.bucket(location.bucket()).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(completed))).eTag();
            } catch (RuntimeException | DeployException e) {
                abort(key, uploadId);
                throw e;
            }
        } catch (SdkException e) {
            throw StoreErrors.translate(e, location, endpoint, "uploading " + object.sitePath() + " to");
        } catch (UncheckedIOException e) {
            throw new DeployException("cannot read " + object.file() + ": " + e.getCause().getMessage(), e);
        }
    }

    private void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(location.bucket()).key(key).uploadId(uploadId));
        } catch (SdkException ignored) {
            // The upload failed already and that is what gets reported; a lifecycle rule clears what is left.
        }
    }

    /**
     * Deletes objects by key, each under the prefix, several at a time. One request per key: the
     * batch call needs a checksum header that the SDK now sends as CRC32, which S3-compatible
     * stores do not all accept, and a portal deletes a few files per removed release.
     */
    public void delete(List<String> keys, ExecutorService workers) throws DeployException {
        for (String key : keys) {
            if (!key.startsWith(location.prefix()) || key.length() == location.prefix().length()) {
                throw new IllegalArgumentException("refusing to delete " + key + ": not under " + location);
            }
        }
        List<Future<Void>> running = new ArrayList<>();
        for (String key : keys) {
            running.add(workers.submit(() -> {
                try {
                    s3.deleteObject(b -> b.bucket(location.bucket()).key(key));
                } catch (SdkException e) {
                    throw StoreErrors.translate(e, location, endpoint, "deleting " + key.substring(location.prefix().length()) + " from");
                }
                return null;
            }));
        }
        Deployer.awaitAll(running);
    }

    /** Whether an object exists (for tests and checks). */
    public boolean exists(String key) throws DeployException {
        try {
            s3.headObject(b -> b.bucket(location.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw StoreErrors.translate(e, location, endpoint, "reading");
        } catch (SdkException e) {
            throw StoreErrors.translate(e, location, endpoint, "reading");
        }
    }

    /** A body the SDK can read again for a retry: each attempt opens the file at the part's offset. */
    private static RequestBody body(Path file, long offset, long length, String contentType) {
        return RequestBody.fromContentProvider(() -> {
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(offset);
                return new BoundedStream(Channels.newInputStream(channel), length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, length, contentType);
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At most {@code remaining} bytes of a stream, so a part never reads into the next. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = in.read();
            if (b >= 0) remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

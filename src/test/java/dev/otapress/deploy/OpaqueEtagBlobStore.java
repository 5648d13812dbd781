package dev.otapress.deploy;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.internal.MutableStorageMetadataImpl;
import org.jclouds.blobstore.domain.internal.PageSetImpl;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A store under S3Proxy whose ETags are not the MD5 of the bytes, as on AWS with SSE-KMS: 32 hex
 * digits, the same for the same bytes, but derived from the MD5 by a function the client cannot
 * know. Uploads, listings and multipart completion all answer with it.
 */
final class OpaqueEtagBlobStore extends ForwardingBlobStore {

    OpaqueEtagBlobStore(BlobStore delegate) {
        super(delegate);
    }

    static String opaque(String etag) {
        if (etag == null) return null;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("kms:" + etag.replace("\"", "")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return opaque(super.putBlob(container, blob));
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        return opaque(super.putBlob(container, blob, options));
    }

    @Override
    public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
        return opaque(super.completeMultipartUpload(upload, parts));
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container) {
        return opaque(super.list(container));
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
        return opaque(super.list(container, options));
    }

    private static PageSet<? extends StorageMetadata> opaque(PageSet<? extends StorageMetadata> page) {
        List<StorageMetadata> objects = new ArrayList<>();
        for (StorageMetadata m : page) {
            MutableStorageMetadataImpl copy = new MutableStorageMetadataImpl(m);
            copy.setETag(opaque(m.getETag()));
            objects.add(copy);
        }
        return new PageSetImpl<>(objects, page.getNextMarker());
    }
}

package dev.otapress.deploy;

import java.util.Objects;

/** An object as a listing shows it: a listing returns no metadata, only the ETag and size. */
public record RemoteObject(String key, String etag, long size) {
    public RemoteObject {
        Objects.requireNonNull(key, "key");
    }
}

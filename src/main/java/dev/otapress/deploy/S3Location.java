package dev.otapress.deploy;

import java.util.Locale;
import java.util.Objects;

/**
 * A bucket and a key prefix, from {@code s3://BUCKET/PREFIX}. The prefix is empty (the whole
 * bucket) or ends in '/', so {@code ios} never matches {@code ios-old/}.
 */
public record S3Location(String bucket, String prefix) {

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("'" + bucket + "' is not a bucket name (3 to 63 lower-case letters, digits, '.' and '-')");
        }
        if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/") || prefix.contains("//"))) {
            throw new IllegalArgumentException("a prefix is empty or ends in '/' without empty segments: '" + prefix + "'");
        }
    }

    /** Parses {@code s3://BUCKET} or {@code s3://BUCKET/PREFIX}; a missing trailing '/' is added. */
    public static S3Location parse(String text) {
        String t = text.strip();
        if (!t.toLowerCase(Locale.ROOT).startsWith("s3://")) {
            throw new IllegalArgumentException("'" + text + "' is not an s3:// address; write it like s3://my-bucket/ios/");
        }
        String rest = t.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
        for (String segment : prefix.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("the prefix of '" + text + "' has a '.' or '..' segment");
            }
        }
        return new S3Location(bucket, prefix);
    }

    /** The object key of a site path (the '/'-separated path under public/). */
    public String key(String sitePath) {
        return prefix + sitePath;
    }

    /** The site path of a key under this prefix. */
    public String sitePath(String key) {
        if (!key.startsWith(prefix)) throw new IllegalArgumentException(key + " is not under " + this);
        return key.substring(prefix.length());
    }

    /** Whether the two share a bucket and one prefix holds the other, so a deletion in one could reach the other. */
    public boolean overlaps(S3Location other) {
        return bucket.equals(other.bucket) && (prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}

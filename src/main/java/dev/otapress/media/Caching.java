package dev.otapress.media;

/** How long a client or CDN may keep a file without asking again. */
public enum Caching {
    /** Pages, manifests, listings, feeds, theme and author files: revalidate on every use (a cheap ETag check). */
    NO_CACHE("no-cache"),
    /** The generated icons: long-lived, but not immutable, since an icon given in front matter can change. */
    LONG("public, max-age=2592000"),
    /** The .ipa: a release folder never changes once published, so it can be cached for good. */
    IMMUTABLE("public, max-age=31536000, immutable");

    private final String header;

    Caching(String header) {
        this.header = header;
    }

    /** The Cache-Control header value. */
    public String header() {
        return header;
    }
}

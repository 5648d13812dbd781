package dev.otapress.server;

/**
 * The response headers every server configuration applies, in one place so that the snippets for
 * different servers cannot drift apart.
 */
final class HeaderPolicy {

    /** The manifest and the pages change with every build, so clients must revalidate them. */
    static final String NO_CACHE = "no-cache";
    /** A release folder never changes once published, so its .ipa can be cached for good. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Icons: long-lived, but not immutable because theme images share the extension. */
    static final String LONG = "public, max-age=2592000";

    /** Apple recommends text/xml for the manifest; application/xml also works. */
    static final String PLIST_TYPE = "text/xml";
    static final String IPA_TYPE = "application/octet-stream";
    static final String NOSNIFF = "nosniff";

    private HeaderPolicy() {
    }
}

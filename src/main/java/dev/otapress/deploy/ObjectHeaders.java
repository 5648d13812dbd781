package dev.otapress.deploy;

import dev.otapress.media.HttpRules;
import dev.otapress.media.Served;

import java.util.Objects;

/**
 * The headers an object is stored with. A store serves them back with every download, so they do
 * the job of a web server's configuration: the right type for the manifest and the .ipa, caching,
 * and, for a file a browser would render as a document, an attachment.
 *
 * @param contentDisposition null unless the file must download rather than render
 */
public record ObjectHeaders(String contentType, String cacheControl, String contentDisposition) {

    public ObjectHeaders {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(cacheControl, "cacheControl");
        // The charset's registered spelling. Charset names are case-insensitive, but Jetty-based stores
        // (S3Proxy) rewrite "utf-8" to "UTF-8" before they check the request's signature, which then fails.
        contentType = contentType.replace("charset=utf-8", "charset=UTF-8");
    }

    /**
     * The headers of the file at a site path, from the one table every server configuration is
     * written from. A store keeps Content-Type, Cache-Control and Content-Disposition with each
     * object; the policy headers (CSP, nosniff) need the CDN (see the README).
     */
    public static ObjectHeaders forPath(String sitePath) {
        return of(HttpRules.forPath(sitePath));
    }

    /** The headers a store can keep of the ones a file is served with. */
    public static ObjectHeaders of(Served served) {
        return new ObjectHeaders(served.contentType(), served.cacheControl(), served.attachment() ? Served.ATTACHMENT : null);
    }
}

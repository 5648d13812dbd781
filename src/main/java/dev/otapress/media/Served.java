package dev.otapress.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one file is served: the headers every server config, {@code serve} and {@code deploy} send
 * with it.
 *
 * @param attachment whether to send {@code Content-Disposition: attachment}, so a browser that is
 *                   sent to the file downloads it instead of rendering it
 */
public record Served(String contentType, Caching caching, String contentSecurityPolicy, boolean attachment) {

    public static final String NOSNIFF = "nosniff";
    public static final String ATTACHMENT = "attachment";

    public Served {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(caching, "caching");
        Objects.requireNonNull(contentSecurityPolicy, "contentSecurityPolicy");
    }

    public String cacheControl() {
        return caching.header();
    }

    /** Whether this is a generated page, the only kind of file allowed to run (its own) script. */
    public boolean page() {
        return contentSecurityPolicy.equals(ContentSecurityPolicy.PAGE);
    }

    /** Every header, Content-Type first, in a fixed order. */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.putAll(extraHeaders());
        return h;
    }

    /** The headers besides Content-Type: Cache-Control, X-Content-Type-Options, Content-Security-Policy, Content-Disposition. */
    public Map<String, String> extraHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Cache-Control", caching.header());
        h.put("X-Content-Type-Options", NOSNIFF);
        h.put("Content-Security-Policy", contentSecurityPolicy);
        if (attachment) h.put("Content-Disposition", ATTACHMENT);
        return h;
    }
}

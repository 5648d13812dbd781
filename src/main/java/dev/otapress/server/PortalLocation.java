package dev.otapress.server;

import dev.otapress.config.BaseUrl;
import dev.otapress.media.ContentSecurityPolicy;
import dev.otapress.media.Served;

import java.util.Map;
import java.util.Objects;

/**
 * Where the portal lives on its host, as the server configs need it: the host for comments and the
 * decoded path prefix (always starting and ending with {@code /}) that server rules match, since
 * nginx, Apache, Caddy and IIS all match the decoded request path.
 */
record PortalLocation(BaseUrl baseUrl, String pagePolicy) {

    /** @param pagePolicy the pages' Content-Security-Policy header ({@link ContentSecurityPolicy#page(String)}) */
    PortalLocation {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(pagePolicy, "pagePolicy");
    }

    /** A file's headers besides Content-Type, a page's with this portal's page policy. */
    Map<String, String> extraHeaders(Served served) {
        Map<String, String> h = served.extraHeaders();
        if (served.page()) h.put("Content-Security-Policy", pagePolicy);
        return h;
    }

    /** All of a file's headers, Content-Type first, a page's with this portal's page policy. */
    Map<String, String> headers(Served served) {
        Map<String, String> h = served.headers();
        if (served.page()) h.put("Content-Security-Policy", pagePolicy);
        return h;
    }

    String host() {
        return baseUrl.host();
    }

    /** The decoded path, e.g. {@code /mobile apps/}. */
    String prefix() {
        return baseUrl.path();
    }

    /** The percent-encoded path, e.g. {@code /mobile%20apps/}, for hosts that match URLs as sent. */
    String rawPrefix() {
        return baseUrl.rawPath();
    }

    boolean atRoot() {
        return baseUrl.atRoot();
    }

    /** The decoded prefix as a regular expression fragment (the same in PCRE, Apache and Go syntax). */
    String prefixRegex() {
        return regex(prefix());
    }

    static String regex(String literal) {
        StringBuilder s = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) s.append('\\');
            s.append(c);
        }
        return s.toString();
    }

    /** The prefix without its leading slash, e.g. {@code mobile/ios/}, as a document-root subfolder. */
    String folder() {
        return prefix().substring(1);
    }
}

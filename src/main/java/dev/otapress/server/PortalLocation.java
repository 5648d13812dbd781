package dev.otapress.server;

import java.net.URI;
import java.util.Objects;

/**
 * Where the portal lives on its host, taken from the site's base URL: the host for comments and
 * the path prefix (always starting and ending with {@code /}) that server rules must match.
 */
record PortalLocation(URI baseUrl, String host, String prefix) {

    PortalLocation {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must start and end with '/': " + prefix);
        }
    }

    static PortalLocation of(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"https".equalsIgnoreCase(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            // iOS refuses manifests that are not served over https, so a config for http is useless.
            throw new IllegalArgumentException("base URL must be an absolute https URL: " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("base URL must not have a query or fragment: " + baseUrl);
        }
        String path = baseUrl.getPath() == null || baseUrl.getPath().isEmpty() ? "/" : baseUrl.getPath();
        if (!path.endsWith("/")) path = path + "/";
        if (path.contains("//") || path.matches(".*[\\s\"'{}();#\\\\].*")) {
            // The prefix is pasted into several config languages; keep it to characters none of them quote.
            throw new IllegalArgumentException("base URL path has characters a server config cannot carry safely: " + path);
        }
        return new PortalLocation(baseUrl, baseUrl.getHost(), path);
    }

    boolean atRoot() {
        return prefix.equals("/");
    }

    /** The prefix as a regular expression fragment (the same in PCRE, Apache and Go syntax). */
    String prefixRegex() {
        StringBuilder s = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) s.append('\\');
            s.append(c);
        }
        return s.toString();
    }

    /** The prefix without its leading slash, e.g. {@code mobile/ios/}, as a document-root subfolder. */
    String folder() {
        return prefix.substring(1);
    }
}

package dev.otapress.server;

import static dev.otapress.server.HeaderPolicy.IMMUTABLE;
import static dev.otapress.server.HeaderPolicy.IPA_TYPE;
import static dev.otapress.server.HeaderPolicy.LONG;
import static dev.otapress.server.HeaderPolicy.NOSNIFF;
import static dev.otapress.server.HeaderPolicy.NO_CACHE;
import static dev.otapress.server.HeaderPolicy.PLIST_TYPE;

/** {@code _headers} for Netlify and Cloudflare Pages. */
final class NetlifyHeaders {

    private final PortalLocation location;

    NetlifyHeaders(PortalLocation location) {
        this.location = location;
    }

    String render() {
        String p = location.prefix();
        StringBuilder s = new StringBuilder();
        s.append("# otapress: Netlify / Cloudflare Pages headers for the release portal at ").append(location.baseUrl()).append('\n');
        s.append("# Must sit at the root of the published folder; the paths below include the base URL's path.\n");
        s.append("# Both hosts join a header set by two matching rules with a comma, so Cache-Control is set by\n");
        s.append("# rules that never overlap; other paths keep the hosts' default 'public, max-age=0, must-revalidate'.\n");
        s.append("# Both hosts already send plain-http visitors to https.\n");
        s.append('\n');
        s.append(p).append("*\n");
        s.append("  X-Content-Type-Options: ").append(NOSNIFF).append('\n');
        s.append("  Content-Security-Policy: ").append(ServerConfigs.CONTENT_SECURITY_POLICY).append('\n');
        s.append('\n');
        rule(s, p + "*.html", null, NO_CACHE);
        rule(s, p + "releases.json", null, NO_CACHE);
        rule(s, p + "*.plist", PLIST_TYPE, NO_CACHE);
        rule(s, p + "*.ipa", IPA_TYPE, IMMUTABLE);
        rule(s, p + "*.png", null, LONG);
        return s.toString().stripTrailing() + "\n";
    }

    private static void rule(StringBuilder s, String path, String contentType, String cacheControl) {
        s.append(path).append('\n');
        if (contentType != null) s.append("  Content-Type: ").append(contentType).append('\n');
        s.append("  Cache-Control: ").append(cacheControl).append('\n');
        s.append('\n');
    }
}

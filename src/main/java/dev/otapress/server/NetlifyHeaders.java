package dev.otapress.server;

import dev.otapress.config.BaseUrl;
import dev.otapress.media.Caching;
import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaTypes;
import dev.otapress.media.Served;

import java.util.List;

/**
 * {@code _headers} for Netlify and Cloudflare Pages. Both hosts join a header that two matching
 * rules set with a comma; for Cache-Control that would be nonsense, so those rules never overlap,
 * while for Content-Security-Policy it means two policies, both enforced: every file an author put
 * beside a release gets the inert policy on top of the pages' one.
 */
final class NetlifyHeaders {

    private final PortalLocation location;

    NetlifyHeaders(PortalLocation location) {
        this.location = location;
    }

    /** @param sideFiles site paths of the files authors put beside releases */
    String render(List<String> sideFiles) {
        String p = location.rawPrefix();
        StringBuilder s = new StringBuilder();
        s.append("# otapress: Netlify / Cloudflare Pages headers for the release portal at ")
                .append(ConfigText.comment(location.baseUrl().toString())).append('\n');
        s.append("# Must sit at the root of the published folder; the paths below include the base URL's path.\n");
        s.append("# Both hosts join a header set by two matching rules with a comma, so Cache-Control is set by\n");
        s.append("# rules that never overlap; other paths keep the hosts' default 'public, max-age=0, must-revalidate'.\n");
        s.append("# Two Content-Security-Policy values are two policies, both enforced: files authors put beside a\n");
        s.append("# release are listed one by one below with the inert policy. Both hosts already send plain-http\n");
        s.append("# visitors to https.\n");
        s.append('\n');
        s.append(p).append("*\n");
        s.append("  X-Content-Type-Options: ").append(Served.NOSNIFF).append('\n');
        s.append("  Content-Security-Policy: ").append(location.pagePolicy()).append('\n');
        s.append('\n');
        rule(s, p + "*.html", null, Caching.NO_CACHE);
        rule(s, p + HttpRules.LISTING_FILE, null, Caching.NO_CACHE);
        rule(s, p + "*.plist", MediaTypes.PLIST.contentType(), Caching.NO_CACHE);
        rule(s, p + "*.ipa", HttpRules.APP.contentType(), HttpRules.APP.caching());
        for (HttpRules.NameRule icon : HttpRules.GENERATED) {
            if (icon.role() == HttpRules.Role.ICON) rule(s, p + "*/" + icon.fileName(), null, icon.served().caching());
        }
        for (String path : sideFiles) {
            Served served = HttpRules.forPath(path);
            s.append(p).append(encode(path)).append('\n');
            s.append("  Content-Type: ").append(served.contentType()).append('\n');
            s.append("  Content-Security-Policy: ").append(served.contentSecurityPolicy()).append('\n');
            if (served.attachment()) s.append("  Content-Disposition: ").append(Served.ATTACHMENT).append('\n');
            s.append('\n');
        }
        return s.toString().stripTrailing() + "\n";
    }

    private static String encode(String sitePath) {
        StringBuilder s = new StringBuilder();
        for (String segment : sitePath.split("/", -1)) {
            if (s.length() > 0) s.append('/');
            s.append(BaseUrl.encodeSegment(segment));
        }
        return s.toString();
    }

    private static void rule(StringBuilder s, String path, String contentType, Caching caching) {
        s.append(path).append('\n');
        if (contentType != null) s.append("  Content-Type: ").append(contentType).append('\n');
        s.append("  Cache-Control: ").append(caching.header()).append('\n');
        s.append('\n');
    }
}

package dev.otapress.media;

import java.util.List;

/**
 * The two policies the portal is served with: one for its generated pages, and an inert one for
 * everything else, which stops any file an author placed beside a release from running script on
 * the portal's origin, whatever its type.
 */
public final class ContentSecurityPolicy {

    private static final List<String> PAGE_DIRECTIVES = List.of(
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
            "manifest-src 'self'", "base-uri 'none'", "form-action 'none'");

    /** For the pages' meta tag, which cannot carry frame-ancestors. */
    public static final String PAGE_META = String.join("; ", PAGE_DIRECTIVES);
    /** For the pages' response header. */
    public static final String PAGE = PAGE_META + "; frame-ancestors 'none'";
    /** For every file that is not a generated page: no script, no plugins, an opaque origin. */
    public static final String INERT = "sandbox; default-src 'none'";

    private ContentSecurityPolicy() {
    }
}

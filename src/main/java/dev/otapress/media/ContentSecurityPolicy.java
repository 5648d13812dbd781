package dev.otapress.media;

import java.util.List;

/**
 * The two policies the portal is served with: one for its generated pages, and an inert one for
 * everything else, which stops any file an author placed beside a release from running script on
 * the portal's origin, whatever its type.
 */
public final class ContentSecurityPolicy {

    /** For the pages' meta tag, which cannot carry frame-ancestors. */
    public static final String PAGE_META = String.join("; ", pageDirectives(null));
    /** For the pages' response header. */
    public static final String PAGE = header(PAGE_META);
    /** For every file that is not a generated page: no script, no plugins, an opaque origin. */
    public static final String INERT = "sandbox; default-src 'none'";

    private ContentSecurityPolicy() {
    }

    /**
     * The pages' header policy when the release icons they show come from a download host
     * ({@code downloads_base_url}): images may come from that origin too.
     *
     * @param imageOrigin {@code https://host[:port]}, or null for {@link #PAGE}
     */
    public static String page(String imageOrigin) {
        return imageOrigin == null ? PAGE : header(pageMeta(imageOrigin));
    }

    /** {@link #page(String)} for the meta tag. */
    public static String pageMeta(String imageOrigin) {
        return imageOrigin == null ? PAGE_META : String.join("; ", pageDirectives(imageOrigin));
    }

    private static List<String> pageDirectives(String imageOrigin) {
        if (imageOrigin != null && !imageOrigin.matches("https://[a-z0-9.:\\[\\]-]+")) {
            throw new IllegalArgumentException("not an https origin: " + imageOrigin);
        }
        return List.of("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "img-src 'self' data:" + (imageOrigin == null ? "" : " " + imageOrigin), "connect-src 'self'",
                "manifest-src 'self'", "base-uri 'none'", "form-action 'none'");
    }

    private static String header(String metaPolicy) {
        return metaPolicy + "; frame-ancestors 'none'";
    }
}
